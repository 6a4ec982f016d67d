// Charts for the overview, drawn by Chart.js (bundled by vite: nothing is fetched at run time).
// Only the parts used are registered, so the rest of the library is left out of the build.
import { useEffect, useRef } from 'preact/hooks';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import './chart.css';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

/**
 * Distinct on white at 3:1 or more (WCAG 1.4.11), and told apart by more than hue alone for the
 * most common kinds of colour blindness; each chart's table gives the same numbers as text.
 */
export const PALETTE = ['#1d4ed8', '#b45309', '#047857', '#7c3aed', '#be123c', '#0e7490', '#4d7c0f', '#57534e'];

/** The longest category label drawn whole on an axis. */
const LABEL_MAX = 18;

export interface ChartSeries {
  label: string;
  /** One value per label; null is a gap (a week with nothing to measure). */
  values: (number | null)[];
  colour: string;
}

export interface ChartProps {
  kind: 'stacked-bar' | 'bar' | 'line';
  /** Along the category axis: weeks, or people for a ranking. */
  labels: string[];
  series: ChartSeries[];
  /** What the chart shows, for a screen reader; the table beside it has the numbers. */
  summary: string;
  valueTitle: string;
  /** Bars run sideways: for long names (a ranking). */
  horizontal?: boolean;
}

/**
 * One chart on a canvas that fills its box (width follows the page, so it reflows at 320 px).
 * The canvas is an image with a summary as its name; the numbers are in the table that goes with it.
 */
export function ChartCanvas({ kind, labels, series, summary, valueTitle, horizontal = false }: ChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  // Drawn again only when what it shows changes (`drawn` stands for every input), not on every render around it.
  const drawn = JSON.stringify([kind, labels, series, valueTitle, horizontal]);
  useEffect(() => {
    if (!canvas.current) return;
    const font = getComputedStyle(document.body).fontFamily;
    const stacked = kind === 'stacked-bar';
    const valueAxis = {
      beginAtZero: true,
      stacked,
      title: { display: true, text: valueTitle, color: '#0b0c0c' },
      ticks: { precision: kind === 'line' ? 1 : 0, color: '#0b0c0c' },
      grid: { color: '#d4d4d4' },
    };
    const categoryAxis = {
      stacked,
      ticks: {
        color: '#0b0c0c',
        autoSkip: true,
        maxRotation: 0,
        // A long name is cut short on the axis (the table has it whole), so the bars keep their room.
        callback(this: { getLabelForValue(v: number): string }, value: number | string) {
          const label = this.getLabelForValue(Number(value));
          return label.length > LABEL_MAX ? `${label.slice(0, LABEL_MAX - 1)}…` : label;
        },
      },
      grid: { display: false },
    };
    const chart = new Chart(canvas.current, {
      type: kind === 'line' ? 'line' : 'bar',
      data: {
        labels,
        datasets: series.map((s) => ({
          label: s.label,
          data: s.values,
          backgroundColor: s.colour,
          borderColor: kind === 'line' ? s.colour : '#ffffff',
          borderWidth: kind === 'line' ? 3 : stacked ? 1 : 0,
          pointRadius: kind === 'line' ? 3 : 0,
          spanGaps: false,
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: horizontal ? 'y' : 'x',
        font: { family: font },
        scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
        plugins: {
          legend: { display: series.length > 1, position: 'bottom', labels: { color: '#0b0c0c', font: { family: font } } },
          tooltip: { enabled: true },
        },
      },
    });
    return () => chart.destroy();
  }, [drawn]);
  return (
    // A ranking grows with its rows (set through the CSSOM, which the page's CSP allows).
    <div class="chart-box" style={horizontal ? { height: `${Math.max(10, 4 + labels.length * 2.5)}rem` } : undefined}>
      <canvas ref={canvas} role="img" aria-label={summary}>
        {summary}
      </canvas>
    </div>
  );
}
