/**
 * The public due-date calculator of the API.
 */
package vn.motcua.app.calendar;
