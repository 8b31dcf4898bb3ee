// MotcuaDiagram: shows a dossier's process diagram with bpmn-js's NavigatedViewer (pan and zoom, no editing) and
// marks the steps the dossier is at. Loaded on demand by the clerk's pages (can-bo.js), so its weight is paid only
// when someone asks for the diagram. docs/pages.md.
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';

/**
 * @param {HTMLElement} container emptied, then holds the diagram
 * @param {string} url where the BPMN XML is (same site)
 * @param {string[]} activeIds the BPMN element ids to mark as current
 */
async function show(container, url, activeIds) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/xml' } });
  if (!response.ok) {
    throw new Error('diagram ' + response.status);
  }
  const xml = await response.text();
  container.textContent = '';
  const viewer = new NavigatedViewer({ container });
  await viewer.importXML(xml);
  const canvas = viewer.get('canvas');
  canvas.zoom('fit-viewport');
  const registry = viewer.get('elementRegistry');
  (activeIds || []).forEach((id) => {
    if (registry.get(id)) {
      canvas.addMarker(id, 'cb-current');
    }
  });
  return viewer;
}

window.MotcuaDiagram = { show };
