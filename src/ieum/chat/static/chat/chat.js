/* Live chat: a WebSocket when the server offers one, otherwise polling; without JavaScript the
   form posts and the page reloads. Messages arrive as server-rendered list items. */
(function () {
  "use strict";
  var log = document.getElementById("chat-log");
  var form = document.getElementById("chat-form");
  if (!log || !form) { return; }
  var socket = null;
  var open = false;
  var errorBox = document.getElementById("chat-error");

  function lastId() {
    var items = log.querySelectorAll("li[data-id]");
    return items.length ? items[items.length - 1].getAttribute("data-id") : "0";
  }

  function add(html) {
    var holder = document.createElement("ol");
    holder.innerHTML = html;
    var items = holder.querySelectorAll("li[data-id]");
    for (var i = 0; i < items.length; i++) {
      if (!document.getElementById(items[i].id)) { log.appendChild(items[i]); }
    }
    if (items.length) { log.lastElementChild.scrollIntoView({block: "nearest"}); }
  }

  function poll() {
    var request = new XMLHttpRequest();
    request.open("GET", log.getAttribute("data-poll") + "?after=" + lastId());
    request.onload = function () { if (request.status === 200) { add(request.responseText); } };
    request.onloadend = function () { window.setTimeout(poll, open ? 20000 : 3000); };
    request.send();
  }

  function connect() {
    if (!("WebSocket" in window)) { return; }
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    try {
      socket = new WebSocket(scheme + window.location.host + log.getAttribute("data-ws"));
    } catch (e) { return; }
    socket.onopen = function () { open = true; };
    socket.onclose = function () { open = false; };
    socket.onmessage = function (event) {
      var data = JSON.parse(event.data);
      if (data.type === "message") { add(data.html); }
      if (data.type === "error" && errorBox) { errorBox.textContent = data.message; errorBox.hidden = false; }
    };
  }

  form.addEventListener("submit", function (event) {
    var box = form.querySelector("textarea");
    if (!open || !box || !box.value.trim()) { return; }  // no socket: the form posts as usual
    event.preventDefault();
    socket.send(JSON.stringify({text: box.value}));
    box.value = "";
    if (errorBox) { errorBox.hidden = true; }
  });

  connect();
  window.setTimeout(poll, 3000);
}());
