// A button or link with data-confirm="question" asks before it acts (instead of an inline
// onclick handler, which the Content-Security-Policy forbids).
document.addEventListener("click", function (event) {
  var element = event.target.closest("[data-confirm]");
  if (element && !window.confirm(element.getAttribute("data-confirm"))) {
    event.preventDefault();
  }
});
