/**
 * The one way a page draws an ECharts canvas: `echarts.init` when the element appears (it may
 * appear later than the component, e.g. after an empty state), `setOption` (not merged) whenever
 * the option changes (without animation when the user asked for reduced motion), a resize with the
 * element and around printing, `dispose` when it goes.
 * echarts is driven directly rather than through echarts-for-react, whose CommonJS default export
 * does not survive Vite's dev-server interop. Each chart module registers the echarts parts it uses
 * (`echarts.use`) so that a lazily loaded page fetches only those.
 *
 * Pass a memoised option: a new object each render redraws the chart each render.
 */
import type { ECharts, EChartsCoreOption } from 'echarts/core';
import { init } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';
import { prefersReducedMotion } from '../util/motion.ts';

/** Returns the ref for the chart's element. `onItemClick` receives the clicked category, for drill-downs. */
export function useEChart(
  option: EChartsCoreOption | null,
  onItemClick?: (name: string, dataIndex: number) => void,
): (element: HTMLDivElement | null) => void {
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const [chart, setChart] = useState<ECharts | null>(null);
  const click = useRef(onItemClick);
  click.current = onItemClick;

  useEffect(() => {
    if (!element) return;
    const instance = init(element);
    instance.on('click', (params) => {
      const p = params as { name?: string; dataIndex?: number };
      if (p.name !== undefined) click.current?.(p.name, p.dataIndex ?? 0);
    });
    const resize = () => instance.resize();
    const observer = new ResizeObserver(resize);
    observer.observe(element);
    // Printing changes the page width: redraw for the paper, then back.
    window.addEventListener('beforeprint', resize);
    window.addEventListener('afterprint', resize);
    setChart(instance);
    return () => {
      observer.disconnect();
      window.removeEventListener('beforeprint', resize);
      window.removeEventListener('afterprint', resize);
      instance.dispose();
      setChart(null);
    };
  }, [element]);

  useEffect(() => {
    if (chart && option) chart.setOption(prefersReducedMotion() ? { ...option, animation: false } : option, { notMerge: true });
  }, [chart, option]);

  return setElement;
}
