// The Mini App's start: Telegram puts the signed launch data (initData) into the page's
// address after '#', as tgWebAppData; the server checks its signature with the bot token and
// answers with a session cookie. No script from elsewhere is loaded (the page's CSP forbids
// it), so Telegram's own events are posted as its Mini App protocol describes.
"use strict";

(function () {
  function postEvent(type, data) {
    var payload = JSON.stringify({ eventType: type, eventData: data || {} });
    try {
      if (window.TelegramWebviewProxy) {
        window.TelegramWebviewProxy.postEvent(type, JSON.stringify(data || {}));
      } else if (window.external && "notify" in window.external) {
        window.external.notify(payload);
      } else if (window.parent !== window) {
        window.parent.postMessage(payload, "https://web.telegram.org");
      }
    } catch (ignored) {
      // Outside Telegram there is nobody to tell.
    }
  }

  function initData() {
    if (window.Telegram && window.Telegram.WebApp && window.Telegram.WebApp.initData) {
      return window.Telegram.WebApp.initData;
    }
    var hash = window.location.hash.replace(/^#/, "");
    return new URLSearchParams(hash).get("tgWebAppData") || "";
  }

  function refuse() {
    document.getElementById("mini-app-status").hidden = true;
    document.getElementById("mini-app-refused").hidden = false;
  }

  document.addEventListener("DOMContentLoaded", function () {
    postEvent("web_app_ready");
    postEvent("web_app_expand");
    var box = document.getElementById("mini-app");
    var data = initData();
    if (!data) {
      refuse();
      return;
    }
    fetch(box.dataset.auth, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ init_data: data }).toString(),
    })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then(function (answer) {
        window.location.replace(answer.next);
      })
      .catch(refuse);
  });
})();
