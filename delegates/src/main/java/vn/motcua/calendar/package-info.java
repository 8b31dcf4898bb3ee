/**
 * The working-day calendar: days off per year read from files, office hours, and the rule that turns a receipt
 * moment and a time limit into a due moment.
 */
package vn.motcua.calendar;
