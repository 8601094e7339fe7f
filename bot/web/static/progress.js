// An announcement's page: the figures and the progress bar follow the delivery live, from
// the server-sent events at data-events. Without this script the page shows the figures as
// they were when it loaded, with a reload link.
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  var live = document.getElementById("live");
  if (!live || live.dataset.final === "true" || !window.EventSource) return;
  var badges = { scheduled: "", sending: "warn", done: "good", stopped: "bad" };
  var note = document.getElementById("live-note");
  var source = new EventSource(live.dataset.events);

  function show(figures) {
    live.querySelectorAll("[data-figure]").forEach(function (element) {
      element.textContent = String(figures[element.dataset.figure]);
    });
    var bar = document.getElementById("progress");
    bar.max = Math.max(figures.total, 1);
    bar.value = figures.sent + figures.failed + figures.blocked + figures.cancelled;
    var badge = document.getElementById("status");
    badge.textContent = badge.dataset[figures.status] || figures.status;
    badge.className = ("badge " + (badges[figures.status] || "")).trim();
  }

  source.addEventListener("open", function () {
    note.textContent = note.dataset.live;
  });
  source.addEventListener("progress", function (event) {
    show(JSON.parse(event.data));
  });
  source.addEventListener("end", function (event) {
    show(JSON.parse(event.data));
    source.close(); // otherwise EventSource reconnects when the server closes the stream
    note.textContent = note.dataset.finished;
    var stop = document.getElementById("stop-form");
    if (stop) stop.hidden = true;
  });
});
