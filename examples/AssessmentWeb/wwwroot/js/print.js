// The record's Print button: shown only where script runs; without script, the browser's own Print works the same.
"use strict";
(function () {
  var button = document.getElementById("print-button");
  if (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  }
})();
