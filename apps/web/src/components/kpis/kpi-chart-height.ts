/** Shared by the chart and its skeleton, so swapping one for the other moves nothing. */
export const KPI_CHART_HEIGHT = 260;
