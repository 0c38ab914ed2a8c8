from helhedsplan.cli import main

main()
