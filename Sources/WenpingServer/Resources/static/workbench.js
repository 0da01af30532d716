// Live grade while typing: one debounced request to the dry-run page endpoint; the page works without this.
(function () {
  "use strict";
  var form = document.getElementById("project-form");
  var panel = document.getElementById("live");
  if (!form || !panel) { return; }
  var timer = null;
  var sequence = 0;
  function refresh() {
    var mine = ++sequence;
    var body = new URLSearchParams(new FormData(form));
    fetch(form.getAttribute("data-live"), {
      method: "POST", credentials: "same-origin", body: body,
      headers: { "Content-Type": "application/x-www-form-urlencoded" }
    }).then(function (response) { return response.text(); }).then(function (html) {
      if (mine !== sequence) { return; }
      // The fragment is rendered by the server with every value escaped.
      panel.innerHTML = html;
      panel.setAttribute("data-sequence", String(mine));
    }).catch(function () {
      if (mine === sequence) { panel.textContent = "暂时无法试算，请稍后再试或按“试算等级”。"; }
    });
  }
  function schedule() {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(refresh, 350);
  }
  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  refresh();
})();
