/* Ieum survey form: skip logic, choice filters and constraints as the respondent types.
   Mirrors ieum/surveys/expressions.py (the same subset); the server judges again on submit. */
(function () {
  "use strict";
  var form = document.getElementById("survey-form");
  if (!form) return;
  var TOKEN = /\s*(?:(\d+(?:\.\d+)?|\.\d+)|(\$\{[A-Za-z_][\w.\-]*\})|('[^']*'|"[^"]*")|(<=|>=|!=|=|<|>|\+|-|\*|\(|\)|,)|([A-Za-z_][\w\-]*(?:\(\))?)|(\.))/y;
  var KINDS = ["num", "ref", "str", "op", "name", "dot"];
  var BINARY = { or: 1, and: 2, "=": 3, "!=": 3, "<": 4, "<=": 4, ">": 4, ">=": 4, "+": 5, "-": 5, "*": 6, div: 6, mod: 6 };

  function tokenize(text) {
    var out = [], pos = 0, m;
    text = text.trim();
    while (pos < text.length) {
      TOKEN.lastIndex = pos;
      m = TOKEN.exec(text);
      if (!m || TOKEN.lastIndex === pos) throw new Error("bad expression");
      for (var i = 1; i <= 6; i++) if (m[i] !== undefined) { out.push([KINDS[i - 1], m[i]]); break; }
      pos = TOKEN.lastIndex;
    }
    return out;
  }
  function num(v) {
    if (typeof v === "boolean") return v ? 1 : 0;
    if (typeof v === "number") return v;
    var s = String(v == null ? "" : v).trim();
    return s === "" || isNaN(Number(s)) ? NaN : Number(s);
  }
  function str(v) {
    if (typeof v === "boolean") return v ? "true" : "false";
    return v == null ? "" : String(v);
  }
  function truthy(v) {
    if (typeof v === "boolean") return v;
    if (typeof v === "number") return v !== 0 && !isNaN(v);
    return str(v) !== "";
  }
  var FN = {
    "selected": function (a, b) { return str(a).split(/\s+/).indexOf(str(b)) >= 0; },
    "count-selected": function (a) { return str(a).split(/\s+/).filter(Boolean).length; },
    "not": function (a) { return !truthy(a); },
    "string-length": function (a) { return str(a).length; },
    "today": function () { return new Date().toISOString().slice(0, 10); },
    "if": function (c, a, b) { return truthy(c) ? a : b; },
    "regex": function (a, p) { return new RegExp("^(?:" + str(p) + ")$").test(str(a)); },
    "int": function (a) { return Math.trunc(num(a)); },
    "number": num, "string": str,
    "coalesce": function (a, b) { return str(a) !== "" ? a : b; },
    "concat": function () { return Array.prototype.map.call(arguments, str).join(""); },
    "true": function () { return true; }, "false": function () { return false; },
    "round": function (a, d) { var f = Math.pow(10, num(d || 0)); return Math.round(num(a) * f) / f; }
  };
  function parse(text) {
    var t = tokenize(text), i = 0;
    function peek() { return t[i]; }
    function take() { if (i >= t.length) throw new Error("end"); return t[i++]; }
    function binop() {
      var k = peek();
      if (!k) return null;
      if (k[0] === "op" && BINARY[k[1]]) return k[1];
      if (k[0] === "name" && ["or", "and", "div", "mod"].indexOf(k[1]) >= 0) return k[1];
      return null;
    }
    function expr(floor) {
      var left = unary(), op;
      while ((op = binop()) && BINARY[op] > floor) { take(); left = { k: "op", v: op, a: [left, expr(BINARY[op])] }; }
      return left;
    }
    function unary() {
      var k = take();
      if (k[0] === "op" && k[1] === "-") return { k: "neg", a: [unary()] };
      if (k[0] === "num") return { k: "num", v: Number(k[1]) };
      if (k[0] === "str") return { k: "str", v: k[1].slice(1, -1) };
      if (k[0] === "ref") return { k: "ref", v: k[1].slice(2, -1) };
      if (k[0] === "dot") return { k: "dot" };
      if (k[0] === "op" && k[1] === "(") { var e = expr(0); take(); return e; }
      if (k[0] === "name") {
        var name = k[1].replace(/\(\)$/, ""), args = [];
        if (!FN[name] && !/\(\)$/.test(k[1]) && !(peek() && peek()[1] === "(")) return { k: "col", v: name };
        if (!/\(\)$/.test(k[1])) {
          take();
          if (!(peek() && peek()[1] === ")")) { args.push(expr(0)); while (peek() && peek()[1] === ",") { take(); args.push(expr(0)); } }
          take();
        }
        return { k: "call", v: name, a: args };
      }
      throw new Error("unexpected");
    }
    var node = expr(0);
    if (i < t.length) throw new Error("trailing");
    return node;
  }
  function compare(op, a, b) {
    if (op === "=" || op === "!=") {
      var eq;
      if (typeof a === "boolean" || typeof b === "boolean") eq = truthy(a) === truthy(b);
      else if (typeof a === "number" || typeof b === "number") eq = num(a) === num(b);
      else eq = str(a) === str(b);
      return op === "=" ? eq : !eq;
    }
    var x = num(a), y = num(b);
    if (isNaN(x) || isNaN(y)) {
      var d = /^\d{4}-\d{2}-\d{2}$/;
      if (d.test(str(a)) && d.test(str(b))) { x = str(a); y = str(b); } else return false;
    }
    return op === "<" ? x < y : op === "<=" ? x <= y : op === ">" ? x > y : x >= y;
  }
  function evaluate(n, values, current, columns) {
    switch (n.k) {
      case "num": case "str": return n.v;
      case "ref": return values(n.v);
      case "col": return (columns || values)(n.v);
      case "dot": return current;
      case "neg": return -num(evaluate(n.a[0], values, current, columns));
      case "call": return FN[n.v].apply(null, n.a.map(function (a) { return evaluate(a, values, current, columns); }));
    }
    var left = evaluate(n.a[0], values, current, columns);
    if (n.v === "or") return truthy(left) || truthy(evaluate(n.a[1], values, current, columns));
    if (n.v === "and") return truthy(left) && truthy(evaluate(n.a[1], values, current, columns));
    var right = evaluate(n.a[1], values, current, columns);
    if (["=", "!=", "<", "<=", ">", ">="].indexOf(n.v) >= 0) return compare(n.v, left, right);
    var x = num(left), y = num(right);
    return n.v === "+" ? x + y : n.v === "-" ? x - y : n.v === "*" ? x * y : y === 0 ? NaN : n.v === "div" ? x / y : x % y;
  }
  function check(text, values, current, columns) {
    try { return truthy(evaluate(parse(text), values, current, columns)); } catch (e) { return true; }
  }
  // ${name}: the answer in the same repeat instance first, then at top level.
  function valueOf(box, name) {
    var prefix = box.querySelector("[name]") ? box.querySelector("[name]").name.replace(/[^.]*$/, "") : "";
    var fields = form.querySelectorAll('[name="' + prefix + name + '"], [name="' + name + '"]');
    var picked = [];
    fields.forEach(function (f) {
      if ((f.type === "radio" || f.type === "checkbox") ? f.checked : f.value !== "") picked.push(f.value);
    });
    return picked.join(" ");
  }
  function ownValue(box) { return valueOf(box, box.dataset.name); }
  // `hidden` alone loses to stylesheets that set `display` on labels and groups.
  function show(el, visible) {
    el.hidden = !visible;
    el.style.display = visible ? "" : "none";
  }
  function refresh() {
    form.querySelectorAll("[data-relevant]").forEach(function (box) {
      show(box, check(box.dataset.relevant, function (n) { return valueOf(box, n); }, ""));
    });
    form.querySelectorAll("[data-choice-filter]").forEach(function (set) {
      var box = set.closest(".survey-q");
      set.querySelectorAll("label.choice").forEach(function (label) {
        show(label, check(set.dataset.choiceFilter, function (n) { return valueOf(box, n); }, "",
          function (n) { return label.dataset[n] !== undefined ? label.dataset[n] : ""; }));
      });
    });
  }
  function validate(box) {
    var error = box.querySelector(".field-error"), value = ownValue(box), text = "";
    if (box.hidden || box.closest("[hidden]")) { error.hidden = true; return true; }
    if (value === "" && box.dataset.required) text = form.dataset.requiredMessage;
    else if (value !== "" && box.dataset.constraint &&
      !check(box.dataset.constraint, function (n) { return valueOf(box, n); }, value))
      text = error.dataset.message || form.dataset.constraintMessage;
    error.textContent = text;
    show(error, !!text);
    return !text;
  }
  form.addEventListener("change", function (e) {
    refresh();
    var box = e.target.closest(".survey-q");
    if (box) validate(box);
  });
  form.addEventListener("submit", function (e) {
    if (!e.submitter || e.submitter.value !== "submit") return;
    var ok = true;
    form.querySelectorAll(".survey-q").forEach(function (box) { ok = validate(box) && ok; });
    if (!ok) { e.preventDefault(); var first = form.querySelector(".field-error:not([hidden])"); if (first) first.scrollIntoView(); }
  });
  refresh();
})();
