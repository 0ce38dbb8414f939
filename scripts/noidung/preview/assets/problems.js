// The preview's banner (noidung serve only, never in the built site): the current
// problems of the source files of the page being viewed, Vietnamese first. It asks
// the preview server every two seconds, so the banner follows the validator, which
// finishes a moment after the page has reloaded.
(function () {
  "use strict";
  var ID = "noidung-preview-problems";
  var endpoint = "/_preview/problems?path=" + encodeURIComponent(location.pathname);
  var shown = "";

  function add(parent, tag, className, text, lang) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    if (lang) node.lang = lang;
    parent.appendChild(node);
    return node;
  }

  function render(report) {
    var key = JSON.stringify(report);
    if (key === shown) return;
    shown = key;
    var old = document.getElementById(ID);
    if (old) old.remove();
    if (!report.problems.length) return;
    var box = document.createElement("section");
    box.id = ID;
    box.className = ID;
    box.setAttribute("role", "alert");
    box.setAttribute("aria-labelledby", ID + "-title");
    var title = add(box, "h2", ID + "__title", report.title_vi);
    title.id = ID + "-title";
    add(box, "p", ID + "__subtitle", report.title_en, "en");
    var list = add(box, "ul", ID + "__list");
    report.problems.forEach(function (p) {
      var item = add(list, "li", ID + "__item " + ID + "__item--" + p.severity);
      var head = add(item, "p", ID + "__vi");
      add(head, "code", ID + "__where", p.where);
      add(head, "strong", ID + "__level", " " + p.level_vi + ": ");
      add(head, "span", "", p.message_vi);
      if (p.hint_vi) add(item, "p", ID + "__hint", "→ " + p.hint_vi);
      var en = add(item, "p", ID + "__en", "", "en");
      add(en, "strong", ID + "__level", p.level_en + ": ");
      add(en, "span", "", p.message_en);
      if (p.hint_en) add(item, "p", ID + "__hint", "→ " + p.hint_en, "en");
    });
    add(box, "p", ID + "__note", report.note_vi);
    add(box, "p", ID + "__note", report.note_en, "en");
    document.body.insertBefore(box, document.body.firstChild);
  }

  function poll() {
    fetch(endpoint, { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(render)
      .catch(function () { /* the preview stopped or restarts: try again */ })
      .then(function () { setTimeout(poll, 2000); });
  }

  poll();
})();
