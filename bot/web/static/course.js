// Attendance on a course's page: a click on a day's cell marks or unmarks the person there
// and then, without reloading the page (and losing the scroll position in a long table).
// Without this script each cell is a plain form that posts and comes back to the page.
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  var table = document.getElementById("participants");
  if (!table) return;
  var csrf = table.dataset.csrf;

  function recount(row, button) {
    var marks = row.querySelectorAll("button.mark");
    var present = row.querySelectorAll('button.mark[aria-pressed="true"]').length;
    var total = row.querySelector("td.total");
    if (total) total.textContent = present + "/" + marks.length;
    var cell = button.closest("td");
    var column = Array.prototype.indexOf.call(row.children, cell);
    var sum = 0;
    table.querySelectorAll("tbody tr").forEach(function (other) {
      var mark = other.children[column] && other.children[column].querySelector("button.mark");
      if (mark && mark.getAttribute("aria-pressed") === "true") sum += 1;
    });
    var foot = table.querySelector("tfoot td[data-day='" + button.form.elements.day.value + "']");
    if (foot) foot.textContent = String(sum);
  }

  function show(button, present) {
    button.setAttribute("aria-pressed", present ? "true" : "false");
    if (button.form && button.form.elements.present) {
      button.form.elements.present.value = present ? "0" : "1"; // the next press undoes it
    }
    button.textContent = present ? "✓" : "";
    var said = document.createElement("span");
    said.className = "visually-hidden";
    said.textContent = present ? button.dataset.present : button.dataset.absent;
    button.appendChild(said);
  }

  table.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList.contains("mark")) return;
    event.preventDefault();
    var button = form.querySelector("button.mark");
    if (button.disabled) return; // a double click waits for the first answer
    button.disabled = true;
    var body = new URLSearchParams();
    body.set("user", form.elements.user.value);
    body.set("day", form.elements.day.value);
    // What the organiser sees now, turned round: another organiser's mark since the page
    // was drawn is kept, not flipped back.
    body.set("present", button.getAttribute("aria-pressed") === "true" ? "0" : "1");
    fetch(form.action, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRF-Token": csrf, Accept: "application/json" },
      body: body,
    })
      .then(function (response) {
        var type = response.headers.get("Content-Type") || "";
        // Not an answer of this page's (a signed-out session, an expired form): the plain
        // form posts instead, and the page that comes back says what happened.
        if (type.indexOf("application/json") < 0) return form.submit();
        return response.json().then(function (answer) {
          if (!response.ok) return window.alert(answer.error);
          show(button, answer.present);
          recount(button.closest("tr"), button);
        });
      })
      .catch(function () {
        form.submit();
      })
      .finally(function () {
        button.disabled = false;
      });
  });
});
