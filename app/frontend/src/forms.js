// MotcuaForms: mounts a Camunda Form (form-js JSON, as the engine deployed it) into an element with the official
// form-js viewer, so a form looks the same here as in Camunda Modeler's preview and in Tasklist. Used by the
// citizen's online submission and by the clerk's task pages; the API is written down in docs/pages.md.
import { Form } from '@bpmn-io/form-js-viewer';

/**
 * @param {HTMLElement} container where the form goes (emptied first)
 * @param {{schema: object, data?: object, readOnly?: boolean}} options
 * @returns {Promise<FormHandle>}
 */
async function mount(container, options) {
  container.textContent = '';
  const form = new Form({ container });
  await form.importSchema(options.schema, options.data || {});
  if (options.readOnly) {
    form.setProperty('readOnly', true);
  }
  return handle(form);
}

function handle(form) {
  return {
    /** The form's current values, without fields that are hidden by their condition. */
    data() {
      return form.submit().data;
    },
    /**
     * Validates and shows each field's message. Resolves {data, errors, valid}; errors maps a field's key to its
     * messages.
     */
    submit() {
      const result = form.submit();
      const errors = {};
      Object.keys(result.errors || {}).forEach((id) => {
        const field = form.get('formFieldRegistry').get(id);
        errors[(field && field.key) || id] = result.errors[id];
      });
      return { data: result.data, errors, valid: Object.keys(errors).length === 0 };
    },
    /** Marks fields the server refused (problem details' field names "data.<key>") with its messages. */
    showServerErrors(problems) {
      const byKey = {};
      (problems || []).forEach((p) => {
        const key = String(p.field || '').replace(/^data\./, '');
        (byKey[key] = byKey[key] || []).push(p.message || p.detail || '');
      });
      return byKey;
    },
    setReadOnly(readOnly) {
      form.setProperty('readOnly', !!readOnly);
    },
    on(event, listener) {
      form.on(event, listener);
    },
    destroy() {
      form.destroy();
    },
    /** The underlying form-js Form, for what this handle does not cover. */
    form,
  };
}

/** The start form the latest version of a procedure deployed (GET /api/public/procedures/{key}/start-form). */
async function loadStartForm(procedureKey) {
  const response = await fetch('/api/public/procedures/' + encodeURIComponent(procedureKey) + '/start-form', {
    headers: { Accept: 'application/json' },
  });
  if (!response.ok) {
    throw new Error('start form ' + response.status);
  }
  return response.json();
}

window.MotcuaForms = { mount, loadStartForm };
