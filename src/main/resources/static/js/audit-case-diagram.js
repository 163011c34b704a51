// The case's process diagram for auditors (AUD-2, issue 13): bpmn-js (navigated viewer, vendored) draws the
// model served by /audit/cases/{process}/{key}/diagram.bpmn and marks the path the case took: activities
// completed, activities still active, and each sequence flow whose source completed and whose target was reached.
// No inline script and no eval, so the page's Content-Security-Policy (script-src 'self') stays as it is.
(function () {
  'use strict';
  var container = document.getElementById('diagram');
  if (!container || typeof window.BpmnJS !== 'function') {
    return;
  }
  var status = document.getElementById('diagram-status');
  var words = function (text) {
    return (text || '').split(' ').filter(function (id) { return id.length > 0; });
  };
  var completed = words(container.getAttribute('data-completed'));
  var active = words(container.getAttribute('data-active'));
  var reached = {};
  completed.concat(active).forEach(function (id) { reached[id] = true; });
  var done = {};
  completed.forEach(function (id) { done[id] = true; });

  var viewer = new window.BpmnJS({ container: container });
  fetch(container.getAttribute('data-xml'), { credentials: 'same-origin', headers: { Accept: 'application/xml' } })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('The diagram could not be loaded (HTTP ' + response.status + ').');
      }
      return response.text();
    })
    .then(function (xml) { return viewer.importXML(xml); })
    .then(function () {
      var canvas = viewer.get('canvas');
      var registry = viewer.get('elementRegistry');
      canvas.zoom('fit-viewport');
      completed.forEach(function (id) { if (registry.get(id)) { canvas.addMarker(id, 'audit-completed'); } });
      active.forEach(function (id) { if (registry.get(id)) { canvas.addMarker(id, 'audit-active'); } });
      registry.filter(function (element) { return element.type === 'bpmn:SequenceFlow'; }).forEach(function (flow) {
        var bo = flow.businessObject;
        if (bo.sourceRef && bo.targetRef && done[bo.sourceRef.id] && reached[bo.targetRef.id]) {
          canvas.addMarker(flow.id, 'audit-taken');
        }
      });
      container.setAttribute('data-rendered', 'true');
      if (status) {
        status.textContent = 'Green: completed. Blue: active. Thick lines: the flows taken.';
      }
    })
    .catch(function (error) {
      if (status) {
        status.textContent = error && error.message ? error.message : 'The diagram could not be drawn.';
      }
    });
}());
