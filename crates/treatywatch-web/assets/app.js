// treatywatch map page: a timeline slider over every state's status history, and each
// state's story opened beside the map. The page works without this script (a date form,
// links to every state's page); the script only makes it quicker to explore.
"use strict";

(function () {
  const main = document.querySelector("main[data-first]");
  const map = document.getElementById("map");
  if (!main || !map) return;

  const treaty = main.dataset.treaty;
  const first = main.dataset.first;
  const DAY = 86400000;
  const toTime = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
  const toIso = (t) => new Date(t).toISOString().slice(0, 10);
  const dateInput = document.getElementById("on");
  const slider = document.getElementById("slider");
  const panel = document.getElementById("panel");
  const panelBody = document.getElementById("panel-body");
  const searchForm = document.getElementById("search");
  const searchMsg = document.getElementById("search-msg");
  const STATUSES = ["not_signatory", "signatory", "consent_deposited", "party", "withdrawal_pending", "withdrawn"];
  const words = (s) => s.replace(/_/g, " ");
  // The static site (`treatywatch site`) has files where the server has queries.
  const isStatic = main.dataset.static === "true";
  const stateUrl = (code, iso) =>
    isStatic ? `/${treaty}/states/${code}.html` : `/states/${code}?treaty=${treaty}&on=${iso}`;
  const historiesUrl = isStatic ? `/api/v1/histories/${treaty}.json` : `/api/v1/histories?treaty=${treaty}`;

  let histories = null; // code -> [[date, status], ...]
  let changeDays = [];
  let current = main.dataset.on;
  let selected = null;

  function statusOn(code, iso) {
    const h = histories[code];
    let st = "not_signatory";
    if (!h) return st;
    for (const [d, s] of h) {
      if (d <= iso) st = s;
      else break;
    }
    return st;
  }

  function setDate(iso) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || !histories) return;
    current = iso;
    main.dataset.on = iso;
    const counts = Object.fromEntries(STATUSES.map((s) => [s, 0]));
    const seen = new Set();
    for (const el of map.querySelectorAll("a.st[data-state]")) {
      const code = el.dataset.state;
      const st = statusOn(code, iso);
      if (!seen.has(code)) { counts[st]++; seen.add(code); }
      if (el.dataset.status !== st) {
        el.classList.remove("s-" + el.dataset.status);
        el.classList.add("s-" + st);
        el.dataset.status = st;
      }
      const name = el.querySelector("title").textContent.split(":")[0];
      el.querySelector("title").textContent = `${name}: ${words(st)}`;
      el.setAttribute("aria-label", `${name}: ${words(st)}`);
      el.setAttribute("href", stateUrl(code, iso));
    }
    // States with no shape on the map are counted from the list.
    for (const row of document.querySelectorAll("#states tbody tr[data-state]")) {
      const code = row.dataset.state;
      const st = statusOn(code, iso);
      if (!seen.has(code)) { counts[st]++; seen.add(code); }
      const cell = row.querySelector("td.status");
      cell.dataset.status = st;
      cell.querySelector("rect").setAttribute("class", "s-" + st);
      cell.querySelector("span").textContent = words(st);
      row.querySelector("a").setAttribute("href", stateUrl(code, iso));
    }
    for (const s of STATUSES) {
      const el = document.querySelector(`[data-count="${s}"]`);
      if (el) el.textContent = counts[s];
    }
    const bound = counts.party + counts.withdrawal_pending;
    document.getElementById("bound").textContent = bound;
    for (const t of document.querySelectorAll("time.on, #on-label")) {
      t.textContent = iso;
      t.setAttribute("datetime", iso);
    }
    for (const h of document.querySelectorAll('#search input[name="on"]')) h.value = iso;
    const deadlines = document.getElementById("deadlines-link");
    if (deadlines) deadlines.setAttribute("href", `/api/v1/deadlines?treaty=${treaty}&on=${iso}`);
    if (dateInput.value !== iso) dateInput.value = iso;
    const day = Math.round((toTime(iso) - toTime(first)) / DAY);
    if (day > +slider.max) slider.max = String(day);
    if (+slider.value !== day) slider.value = String(day);
    slider.setAttribute("aria-valuetext", iso);
    const url = new URL(location.href);
    url.searchParams.set("treaty", treaty);
    url.searchParams.set("on", iso);
    history.replaceState(null, "", url);
    document.title = document.title.replace(/on \d{4}-\d{2}-\d{2}/, "on " + iso);
    if (selected) openState(selected, false);
  }

  function step(dir) {
    const next = dir > 0
      ? changeDays.find((d) => d > current)
      : [...changeDays].reverse().find((d) => d < current);
    if (next) setDate(next);
  }

  // The address says what is on the screen: treaty, date, region and the state opened,
  // so that a shared link opens the same view.
  function setParam(name, value) {
    const url = new URL(location.href);
    if (value) url.searchParams.set(name, value);
    else url.searchParams.delete(name);
    history.replaceState(null, "", url);
  }

  async function openState(code, focus) {
    selected = code;
    setParam("state", code);
    for (const el of map.querySelectorAll("a.st.selected")) el.classList.remove("selected");
    for (const el of map.querySelectorAll(`a.st[data-state="${code}"]`)) el.classList.add("selected");
    try {
      const res = await fetch(stateUrl(encodeURIComponent(code), current));
      const doc = new DOMParser().parseFromString(await res.text(), "text/html");
      const story = doc.getElementById("story") || doc.querySelector("main");
      panelBody.replaceChildren(...(story ? [document.importNode(story, true)] : []));
      const h1 = panelBody.querySelector("h1");
      if (h1) {
        const link = document.createElement("a");
        link.href = stateUrl(code, current);
        link.textContent = "Open this page";
        link.className = "permalink";
        h1.insertAdjacentElement("afterend", link);
      }
      panel.hidden = false;
      if (focus) panel.focus();
    } catch (e) {
      panelBody.textContent = "The story could not be loaded: " + e;
      panel.hidden = false;
    }
  }

  function closePanel() {
    panel.hidden = true;
    setParam("state", null);
    if (selected) {
      const el = map.querySelector(`a.st[data-state="${selected}"]`);
      for (const s of map.querySelectorAll("a.st.selected")) s.classList.remove("selected");
      selected = null;
      if (el) el.focus();
    }
  }

  const plainClick = (e) => !(e.ctrlKey || e.metaKey || e.shiftKey || e.altKey || e.button > 0);

  map.addEventListener("click", (e) => {
    const a = e.target.closest("a.st[data-state]");
    if (!a || !plainClick(e)) return;
    e.preventDefault();
    openState(a.dataset.state, true);
  });
  document.querySelector("#states tbody").addEventListener("click", (e) => {
    const a = e.target.closest("a");
    const row = e.target.closest("tr[data-state]");
    if (!a || !row || !plainClick(e)) return;
    e.preventDefault();
    openState(row.dataset.state, true);
    panel.scrollIntoView({ block: "nearest" });
  });
  document.getElementById("close").addEventListener("click", closePanel);
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && !panel.hidden) closePanel();
  });

  document.getElementById("date-form").addEventListener("submit", (e) => {
    e.preventDefault();
    setDate(dateInput.value);
  });
  dateInput.addEventListener("change", () => setDate(dateInput.value));
  slider.addEventListener("input", () => setDate(toIso(toTime(first) + +slider.value * DAY)));
  document.getElementById("prev").addEventListener("click", () => step(-1));
  document.getElementById("next").addEventListener("click", () => step(1));

  searchForm.addEventListener("submit", async (e) => {
    e.preventDefault();
    const q = document.getElementById("q").value.trim();
    if (!q) return;
    const res = await fetch(`/api/v1/states/${encodeURIComponent(q)}?treaty=${treaty}&on=${current}`);
    const body = await res.json();
    if (res.ok) {
      searchMsg.textContent = "";
      openState(body.state, true);
    } else {
      searchMsg.textContent = body.message;
    }
  });

  // The treaty switcher reloads the page for the other treaty, on the same day and
  // region; the region switcher moves the map's view without a reload.
  const treatySelect = document.getElementById("treaty-select");
  if (treatySelect) {
    treatySelect.addEventListener("change", () => {
      if (isStatic) {
        location.href = `/${treatySelect.value}/index.html?on=${current}`;
        return;
      }
      const url = new URL(location.href);
      url.searchParams.set("treaty", treatySelect.value);
      url.searchParams.set("on", current);
      url.searchParams.delete("state");
      location.href = url.toString();
    });
  }
  const views = Object.fromEntries((map.dataset.views || "").split(";").filter(Boolean).map((v) => v.split(":")));
  const focusSelect = document.getElementById("focus");
  if (focusSelect) {
    focusSelect.addEventListener("change", () => {
      const f = focusSelect.value;
      if (views[f]) map.setAttribute("viewBox", views[f]);
      map.dataset.focus = f;
      setParam("focus", f === "world" ? null : f);
    });
  }
  const params = new URL(location.href).searchParams;
  const opened = params.get("state");
  if (opened && /^[A-Z]{3}$/.test(opened)) openState(opened, false);
  const focusParam = params.get("focus");
  if (focusSelect && focusParam && views[focusParam] && focusParam !== map.dataset.focus) {
    focusSelect.value = focusParam;
    focusSelect.dispatchEvent(new Event("change"));
  }
  // A day in the address that the page was not rendered for (the static site has one
  // page per treaty): shown once the histories are in.
  const wanted = params.get("on");

  fetch(historiesUrl)
    .then((r) => r.json())
    .then((doc) => {
      histories = Object.fromEntries(doc.states.map((s) => [s.state, s.history.map((h) => [h.date, h.status])]));
      changeDays = doc.dates;
      document.getElementById("timeline").hidden = false;
      if (wanted && wanted !== current) setDate(wanted);
      main.dataset.ready = "true";
    });
})();
