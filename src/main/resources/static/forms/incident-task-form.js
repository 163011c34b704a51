/*
 * What every breach task form shares (BRE-1 to BRE-6), on top of steward-task-form.js: the incident
 * from the task's view (our tables, by the business key), its deadlines with the time left or whether
 * each was met, and who approved what. A form loads both scripts, then calls
 * IncidentTaskForm.mount(camForm, {formName, render, collect, validate}); render (optional) adds what
 * only that task shows. Forms declare no cam-variable fields: nothing typed reaches the engine.
 */
(function () {
  'use strict';
  if (window.IncidentTaskForm) { return; }

  var STATUS = {
    OPEN: 'Open', CLOSED_AT_TRIAGE: 'Closed at triage: not an incident', INVESTIGATION_COMPLETE: 'Investigation complete'
  };
  var DEADLINES = {
    ISO_NOTICE: 'Notice to the organisations\u2019 security contacts (BRE-2: 24 hours after discovery)',
    WRITTEN_REPORT: 'Written report (BRE-3: 24 hours after the notice)',
    STATUS_REPORT: 'Status report #{cycle} (BRE-4: every 24 hours after the written report)',
    SUPERVISORY_AUTHORITY: 'Supervisory authority decision (GDPR Art. 33: 72 hours after discovery)'
  };
  var APPROVALS = {
    ISO_NOTICE: 'ISO notice approved', WRITTEN_REPORT: 'Written report filed', STATUS_REPORT: 'Status report #{cycle} filed',
    MEMBER_NOTICE: 'Member notice approved', SUPERVISORY_AUTHORITY: 'Supervisory authority decision recorded'
  };

  function ensureStyle() {
    if (document.getElementById('steward-incident-style')) { return; }
    var style = document.createElement('style');
    style.id = 'steward-incident-style';
    style.textContent = '.steward-form .steward-facts th { width: 14em; font-weight: 600; }'
      + ' .steward-form .steward-incident td { white-space: pre-wrap; }'
      + ' .steward-form .required:after { content: " *"; color: #a94442; }'
      + ' .steward-form textarea { resize: vertical; }';
    document.head.appendChild(style);
  }

  function label(table, item) { return table[item.kind].replace('{cycle}', item.cycle); }

  /** "Met: done Tue, 24 Nov 2026, 09:12 (08:12 UTC), 2 hours ago, approved by sam", "Open: due … in 3 hours". */
  function state(d, ui) {
    var by = d.recordedBy ? ', on ' + d.recordedBy + '\u2019s approval' : (d.doneAt ? ', by Steward automatically' : '');
    switch (d.state) {
      case 'MET': return 'Met: done ' + ui.when(d.doneAt) + by;
      case 'MISSED': return 'Missed: done ' + ui.when(d.doneAt) + by;
      case 'WITHDRAWN': return 'No longer due: closed at triage';
      default: return new Date(d.dueAt).getTime() < Date.now() ? 'Overdue' : 'Open';
    }
  }

  function renderIncident(view, ui, target) {
    ensureStyle();
    var i = view.incident;
    target.appendChild(ui.el('h4', 'Incident #' + i.id));
    var facts = ui.table([
      ['Status', STATUS[i.status] || i.status],
      ['Discovered', ui.when(i.discoveredAt)],
      ['What happened', i.summary],
      ['Information involved', i.dataCategories],
      ['Organisations', (i.organisations || []).join(', ')],
      ['Members listed', i.listedMembers ? i.listedMembers + (i.listedMembers === 1 ? ' member' : ' members') : ''],
      ['All members of', (i.allMembersOf || []).join(', ')],
      ['Why it is not an incident', i.closureReason]
    ]);
    facts.className += ' steward-incident';
    target.appendChild(facts);

    target.appendChild(ui.el('h4', 'Deadlines'));
    var table = ui.el('table', null, 'table table-condensed steward-deadlines');
    var head = ui.el('tr');
    ['Deadline', 'Due', 'State'].forEach(function (h) { head.appendChild(ui.el('th', h)); });
    table.appendChild(head);
    (view.deadlines || []).forEach(function (d) {
      var overdue = d.state === 'OPEN' && new Date(d.dueAt).getTime() < Date.now();
      var tr = ui.el('tr', null, d.state === 'MISSED' || overdue ? 'danger' : (d.state === 'MET' ? 'success' : ''));
      tr.setAttribute('data-deadline', d.kind + '-' + d.cycle);
      [label(DEADLINES, d), ui.when(d.dueAt), state(d, ui)].forEach(function (v) { tr.appendChild(ui.el('td', v)); });
      table.appendChild(tr);
    });
    target.appendChild(table);

    if (view.approvals && view.approvals.length) {
      var list = ui.el('ul', null, 'list-unstyled steward-approvals');
      view.approvals.forEach(function (a) {
        list.appendChild(ui.el('li', label(APPROVALS, a) + ' by ' + a.approvedBy + ', ' + ui.when(a.approvedAt)));
      });
      target.appendChild(ui.el('h4', 'Done so far'));
      target.appendChild(list);
    }
  }

  /** Every named field, as typed ('' when empty; checkboxes true/false). */
  function collect(ui, names) {
    var input = {};
    names.forEach(function (name) { input[name] = ui.value(name); });
    return input;
  }

  /** A yes/no radio as true, false or null (not chosen). */
  function yesNo(ui, name) {
    var value = ui.value(name);
    return value === '' ? null : value === 'true';
  }

  /** One message per named field left empty. */
  function required(input, names, message) {
    var errors = {};
    names.forEach(function (name) {
      if (input[name] === '' || input[name] === null || input[name] === undefined) { errors[name] = message; }
    });
    return errors;
  }

  function mount(camForm, options) {
    window.StewardTaskForm.mount(camForm, {
      formName: options.formName,
      render: function (view, ui, target) {
        renderIncident(view, ui, target);
        if (options.render) { options.render(view, ui, target); }
      },
      collect: options.collect,
      validate: options.validate
    });
  }

  window.IncidentTaskForm = { mount: mount, renderIncident: renderIncident, collect: collect, yesNo: yesNo, required: required };
})();
