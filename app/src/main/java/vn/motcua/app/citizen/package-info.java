/**
 * The citizen's side over HTTP: online submission, supplements, withdrawal, the public status with its documents,
 * and the tracking pages.
 */
package vn.motcua.app.citizen;
