/*
 * Steward's Tasklist forms, built one way (issue 15). Each embedded form loads this script and calls
 * StewardTaskForm.mount(camForm, {render, collect}). The script
 *  - reads the task and its case from GET /api/staff/tasks/{taskId}/view (our tables, never variables),
 *  - shows the task header: deadline with time left, times in local time with UTC,
 *  - on Complete, posts what the person typed to POST /api/staff/tasks/{taskId}/input and lets Tasklist
 *    complete the task only when Steward accepted it; refusals are shown next to their fields.
 * Start forms call StewardTaskForm.mountStart(camForm, {...}) instead: Steward starts the process itself from
 * its own API, and the engine's start (which would write every field to history) is always prevented.
 * Forms declare no cam-variable fields: no typed text ever reaches the engine or its history.
 * No alert()/confirm(): Tasklist's sandbox blocks them.
 */
(function () {
  'use strict';
  if (window.StewardTaskForm) { return; }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (className) { node.className = className; }
    return node;
  }

  /** "in 3 hours", "2 days ago": how far an instant lies from now, in words. */
  function relative(iso) {
    var ms = new Date(iso).getTime() - Date.now();
    var abs = Math.abs(ms), unit, n;
    if (abs < 60000) { return ms >= 0 ? 'in less than a minute' : 'just now'; }
    if (abs < 3600000) { n = Math.round(abs / 60000); unit = 'minute'; }
    else if (abs < 172800000) { n = Math.round(abs / 3600000); unit = 'hour'; }
    else { n = Math.round(abs / 86400000); unit = 'day'; }
    var words = n + ' ' + unit + (n === 1 ? '' : 's');
    return ms >= 0 ? 'in ' + words : words + ' ago';
  }

  /** "Tue, 24 Nov 2026, 14:00 (13:00 UTC), in 3 hours". */
  function when(iso) {
    if (!iso) { return ''; }
    var d = new Date(iso);
    var local = d.toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
    var utc = d.toISOString().substring(11, 16) + ' UTC';
    return local + ' (' + utc + '), ' + relative(iso);
  }

  function request(method, url, body, csrf) {
    var xhr = new XMLHttpRequest();
    xhr.open(method, url, false); // synchronous: Tasklist's submit event cannot wait for a promise
    xhr.setRequestHeader('Accept', 'application/json');
    if (body !== undefined) { xhr.setRequestHeader('Content-Type', 'application/json'); }
    if (csrf) { xhr.setRequestHeader(csrf.headerName, csrf.token); }
    xhr.send(body === undefined ? null : JSON.stringify(body));
    var json = null;
    try { json = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch (e) { json = null; }
    return { status: xhr.status, json: json };
  }

  function Ui(root) { this.root = root; }
  Ui.prototype.el = el;
  Ui.prototype.when = when;
  Ui.prototype.relative = relative;
  /** A two-column table of [label, value] rows; empty values are left out. */
  Ui.prototype.table = function (rows) {
    var table = el('table', null, 'table table-condensed steward-facts');
    rows.forEach(function (row) {
      if (row[1] === undefined || row[1] === null || row[1] === '') { return; }
      var tr = el('tr');
      tr.appendChild(el('th', row[0]));
      tr.appendChild(el('td', row[1]));
      table.appendChild(tr);
    });
    return table;
  };
  /** The value of the form control named {@code name} ('' when empty); checkboxes give true/false. */
  Ui.prototype.value = function (name) {
    var controls = this.root.querySelectorAll('[name="' + name + '"]');
    if (!controls.length) { return ''; }
    if (controls[0].type === 'checkbox') { return controls[0].checked; }
    if (controls[0].type === 'radio') {
      for (var i = 0; i < controls.length; i++) { if (controls[i].checked) { return controls[i].value; } }
      return '';
    }
    return controls[0].value.trim();
  };
  /** A form's own POST to Steward's API (e.g. extending a deadline), with the task's CSRF token: {status, json}. */
  Ui.prototype.post = function (url, body) { return request('POST', url, body, this.csrf); };
  Ui.prototype.clearErrors = function () {
    var old = this.root.querySelectorAll('.steward-error');
    for (var i = 0; i < old.length; i++) { old[i].parentNode.removeChild(old[i]); }
    var marked = this.root.querySelectorAll('.has-error');
    for (var j = 0; j < marked.length; j++) { marked[j].className = marked[j].className.replace(/\s*has-error/g, ''); }
  };
  /**
   * Shows a message next to the field (an element with data-field="name"; "dataCategories[2]" belongs to
   * "dataCategories"), or at the top of the form. The first message is scrolled into view.
   */
  Ui.prototype.error = function (field, message) {
    var name = String(field).replace(/\[.*$/, '');
    var holder = this.root.querySelector('[data-field="' + name + '"]') || this.root.querySelector('[data-field="form"]');
    var first = !this.root.querySelector('.steward-error');
    var note = el('p', message, 'help-block steward-error');
    note.setAttribute('role', 'alert');
    holder.className += ' has-error';
    holder.appendChild(note);
    if (first && holder.scrollIntoView) { holder.scrollIntoView({ block: 'center' }); }
  };
  /** Shows Steward's refusal (problem details with errors per field, or a detail) next to the fields. */
  Ui.prototype.refusal = function (response, what) {
    var problem = response.json || {};
    var errors = problem.errors || {};
    var names = Object.keys(errors);
    var ui = this;
    if (names.length) {
      names.forEach(function (f) { ui.error(f, errors[f]); });
    } else {
      ui.error('form', problem.detail || ('Steward refused ' + what + ' (HTTP ' + response.status + ').'));
    }
  };
  /** Replaces the outcome panel (data-steward="outcome") with a success message: a heading and a line. */
  Ui.prototype.outcome = function (heading, line) {
    var box = this.root.querySelector('[data-steward="outcome"]');
    box.textContent = '';
    var panel = el('div', null, 'alert alert-success');
    panel.setAttribute('role', 'status');
    panel.appendChild(el('strong', heading));
    if (line) { panel.appendChild(el('p', line)); }
    box.appendChild(panel);
    if (panel.scrollIntoView) { panel.scrollIntoView({ block: 'center' }); } // Start is at the bottom, the outcome at the top
    var controls = this.root.querySelectorAll('input, textarea, select');
    for (var i = 0; i < controls.length; i++) { controls[i].disabled = true; }
  };

  function mount(camForm, options) {
    var root = options.root || document.querySelector('form[name="' + options.formName + '"]');
    var ui = new Ui(root);
    var taskId = camForm.taskId;
    var header = root.querySelector('[data-steward="task"]');
    var body = root.querySelector('[data-steward="case"]');
    var csrf = null;
    var loaded = false;

    function load() {
      var response = request('GET', '/api/staff/tasks/' + encodeURIComponent(taskId) + '/view');
      body.textContent = '';
      if (response.status !== 200 || !response.json) {
        body.appendChild(el('p', (response.json && response.json.detail) || ('Could not load this task (HTTP ' + response.status + ').'), 'text-danger'));
        return;
      }
      var view = response.json;
      csrf = view.csrf;
      if (header) {
        header.textContent = ''; // Tasklist shows the task's name above the form
        header.appendChild(ui.table([
          ['Due', view.task.due ? when(view.task.due) : ''],
          ['Created', when(view.task.created)],
          ['Case', view.task.caseKey]
        ]));
        if (view.task.due && new Date(view.task.due).getTime() < Date.now()) {
          header.appendChild(el('p', 'This task is overdue.', 'text-danger steward-overdue'));
        }
      }
      ui.csrf = csrf; // for a form's own calls to Steward's API (ui.post)
      options.render(view['case'], ui, body);
      loaded = true;
    }

    camForm.on('form-loaded', load);

    camForm.on('submit', function () {
      ui.clearErrors();
      if (!loaded) {
        ui.error('form', 'The task has not loaded; reload the page.');
        camForm.submitPrevented = true;
        return;
      }
      var input = options.collect(ui);
      var local = options.validate ? options.validate(input, ui) : {};
      var fields = Object.keys(local || {});
      if (fields.length) {
        fields.forEach(function (f) { ui.error(f, local[f]); });
        camForm.submitPrevented = true;
        return;
      }
      var saved = request('POST', '/api/staff/tasks/' + encodeURIComponent(taskId) + '/input', input, csrf);
      if (saved.status === 200) { return; } // Tasklist now completes the task with no variables
      camForm.submitPrevented = true;
      ui.refusal(saved, 'the form');
    });
  }

  /**
   * A start form whose process Steward starts itself. Options:
   *  formName   the form element's name;
   *  setupUrl   GET on load: JSON with csrf {headerName, token} and whatever the form needs (choices, limits);
   *  refused(status)            the message when setupUrl answers other than 200 (e.g. the wrong group);
   *  onSetup(setup, ui)         fills the form from the setup (optional);
   *  collect(ui, setup)         the JSON body to post;
   *  validate(body, ui, setup)  {field: message} for what the person can fix before sending (optional);
   *  submitUrl, accepted        where to POST, and the status codes that mean "started" (e.g. [201]);
   *  done(result, ui)           shows the outcome (ui.outcome(heading, line));
   *  again(result)              the message when Start is pressed after it succeeded.
   */
  function mountStart(camForm, options) {
    var root = document.querySelector('form[name="' + options.formName + '"]');
    var ui = new Ui(root);
    var setup = null;
    var result = null;

    camForm.on('form-loaded', function () {
      var loaded = request('GET', options.setupUrl);
      if (loaded.status !== 200 || !loaded.json) {
        ui.error('form', options.refused ? options.refused(loaded.status)
          : 'Could not load the form (HTTP ' + loaded.status + '); reload the page.');
        return;
      }
      setup = loaded.json;
      if (options.onSetup) { options.onSetup(setup, ui); }
    });

    camForm.on('submit', function () {
      camForm.submitPrevented = true; // Steward starts the process; the engine's start would carry the fields
      ui.clearErrors();
      if (result) { ui.error('form', options.again(result)); return; }
      if (!setup) { ui.error('form', 'The form has not loaded; reload the page.'); return; }
      var body = options.collect(ui, setup);
      var local = options.validate ? options.validate(body, ui, setup) : {};
      var fields = Object.keys(local || {});
      if (fields.length) { fields.forEach(function (f) { ui.error(f, local[f]); }); return; }
      var sent = request('POST', options.submitUrl, body, setup.csrf);
      if (options.accepted.indexOf(sent.status) >= 0 && sent.json) {
        result = sent.json;
        options.done(result, ui);
        return;
      }
      ui.refusal(sent, 'the request');
    });
  }

  /**
   * The review forms' one decision-with-reason rule: a decision is chosen; anything but APPROVE needs the
   * reason (the refusing decision, refuseValue: REJECT, REFUSE) or the question (any other decision), which is
   * mailed to `who` (applicant, requester); the reason's category (AUD-2) goes along, optional. Returns the
   * collect and validate functions for mount's options. Steward checks the same on the server.
   */
  function decisionWithReason(refuseValue, who) {
    return {
      collect: function (ui) {
        return { decision: ui.value('decision'), reason: ui.value('reason'), reasonCategory: ui.value('reasonCategory') };
      },
      validate: function (input) {
        if (!input.decision) { return { decision: 'Choose a decision.' }; }
        if (input.decision !== 'APPROVE' && !input.reason) {
          return { reason: (input.decision === refuseValue ? 'Write the reason' : 'Write your question')
                           + ': the ' + who + ' will receive it.' };
        }
        return {};
      }
    };
  }

  window.StewardTaskForm = { mount: mount, mountStart: mountStart, decisionWithReason: decisionWithReason,
                             when: when, relative: relative, el: el };
})();
