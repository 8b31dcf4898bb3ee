/** The leaders' dashboard page: the statistics of their agencies as accessible SVG bar charts and tables. */
package vn.motcua.app.dashboard;
