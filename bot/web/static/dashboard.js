// Small helpers for every page; the pages work without them (plain forms and links).
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  // A filter that changes submits its form: one step fewer for the organiser.
  document.querySelectorAll("form[data-autosubmit]").forEach(function (form) {
    form.addEventListener("change", function () {
      form.requestSubmit();
    });
  });
  // Buttons that change something for many people ask first (text in data-confirm).
  document.querySelectorAll("[data-confirm]").forEach(function (button) {
    button.addEventListener("click", function (event) {
      if (!window.confirm(button.dataset.confirm)) event.preventDefault();
    });
  });
});
