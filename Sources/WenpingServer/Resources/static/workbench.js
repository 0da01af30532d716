// Live grade while typing: one debounced request to the dry-run page endpoint; the page works without this.
(function () {
  "use strict";
  var form = document.getElementById("project-form");
  var panel = document.getElementById("live");
  var status = document.getElementById("live-status");
  if (!form || !panel) { return; }
  var timer = null;
  var sequence = 0;
  // aria-busy marks the panel while a grade is pending (scheduled or in flight), for screen readers and for the
  // browser tests, which read the panel only once it has settled.
  function settled(mine) {
    if (mine === sequence && !timer) { panel.removeAttribute("aria-busy"); }
  }
  function refresh() {
    timer = null;
    panel.setAttribute("aria-busy", "true");
    var mine = ++sequence;
    var body = new URLSearchParams(new FormData(form));
    fetch(form.getAttribute("data-live"), {
      method: "POST", credentials: "same-origin", body: body,
      headers: { "Content-Type": "application/x-www-form-urlencoded" }
    }).then(function (response) { return response.text(); }).then(function (html) {
      if (mine !== sequence) { return; }
      // Keep open or closed what the planner opened or closed (details by id).
      var state = {};
      panel.querySelectorAll("details[id]").forEach(function (box) { state[box.id] = box.open; });
      // The fragment is rendered by the server with every value escaped.
      panel.innerHTML = html;
      // On a phone the pictures start closed, so the form is not pushed far below the grade.
      var narrow = window.matchMedia && window.matchMedia("(max-width: 800px)").matches;
      panel.querySelectorAll("details[id]").forEach(function (box) {
        if (Object.prototype.hasOwnProperty.call(state, box.id)) {
          box.open = state[box.id];
        } else if (narrow && box.querySelector("figure")) {
          box.open = false;
        }
      });
      panel.setAttribute("data-sequence", String(mine));
      settled(mine);
      if (status) {
        var before = document.getElementById("live-before");
        var after = document.getElementById("live-after");
        status.textContent = before && after ? "试算结果：措施前 " + before.textContent + "，措施后 " + after.textContent : "";
      }
    }).catch(function () {
      if (mine === sequence) { panel.textContent = "暂时无法试算，请稍后再试或按“试算等级”。"; }
      settled(mine);
    });
  }
  function schedule() {
    if (timer) { clearTimeout(timer); }
    panel.setAttribute("aria-busy", "true");
    timer = setTimeout(refresh, 350);
  }
  // “试用”/“采纳” links of the explanation: put the value into the form (or tick the measure) and grade again.
  panel.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.try") : null;
    if (!link) { return; }
    var field = null;
    if (link.hasAttribute("data-measure")) {
      field = form.querySelector("input[name='measure'][value='" + CSS.escape(link.getAttribute("data-measure")) + "']");
      if (field) { field.checked = true; }
    } else {
      field = form.elements.namedItem(link.getAttribute("data-field"));
      if (field) { field.value = link.getAttribute("data-value"); }
    }
    if (!field) { return; }
    event.preventDefault();
    field.focus();
    field.dispatchEvent(new Event("change", { bubbles: true }));
  });
  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  refresh();
})();
