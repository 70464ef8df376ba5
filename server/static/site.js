// Small enhancements; every page works without them.
(function () {
  "use strict";
  // "Salin kutipan": copy the citation shown as text next to the button.
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = document.getElementById(button.dataset.copy).textContent.trim();
      var done = function () { button.textContent = button.dataset.done; };
      if (navigator.clipboard) { navigator.clipboard.writeText(text).then(done, function () {}); }
    });
  });
  // SPARQL page: run the query with fetch and show the results as a table.
  var form = document.getElementById("sparql-form");
  if (!form) { return; }
  var status = document.getElementById("status");
  var results = document.getElementById("results");
  form.addEventListener("submit", function (event) {
    var submitter = event.submitter;
    if (!submitter || submitter.id !== "run") { return; }  // downloads: a plain form post
    event.preventDefault();
    status.textContent = form.dataset.running;
    results.textContent = "";
    var body = new URLSearchParams();
    body.set("query", document.getElementById("query").value);
    fetch("/sparql", {
      method: "POST", body: body,
      headers: {"Accept": "application/sparql-results+json", "Accept-Language": document.documentElement.lang}
    }).then(function (response) {
      return response.json().then(function (data) { return {ok: response.ok, data: data}; });
    }).then(function (answer) {
      if (!answer.ok) { status.textContent = answer.data.message || answer.data.code; return; }
      show(answer.data);
    }).catch(function (error) { status.textContent = String(error); });
  });
  function show(data) {
    if (typeof data.boolean === "boolean") { status.textContent = String(data.boolean); return; }
    var vars = data.head.vars, rows = data.results.bindings;
    status.textContent = form.dataset.rows.replace("{n}", rows.length);
    var table = document.createElement("table");
    var head = table.createTHead().insertRow();
    vars.forEach(function (name) {
      var th = document.createElement("th"); th.scope = "col"; th.textContent = name; head.appendChild(th);
    });
    var body = table.createTBody();
    rows.forEach(function (row) {
      var tr = body.insertRow();
      vars.forEach(function (name) {
        var cell = tr.insertCell(), term = row[name];
        if (!term) { return; }
        if (term.type === "uri" && term.value.indexOf("https://w3id.org/perwali-kg/") === 0) {
          var a = document.createElement("a");
          a.href = "/" + term.value.slice("https://w3id.org/perwali-kg/".length);
          a.textContent = term.value; cell.appendChild(a);
        } else { cell.textContent = term.value; }
      });
    });
    results.appendChild(table);
  }
})();
