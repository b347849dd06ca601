// A chart's SVG as a PNG file. Charts are styled by CSS classes (Fluent's mergeStyles, chartist's
// .ct-* rules), which a serialised SVG loses, so the computed presentation styles are copied onto
// a clone first; the clone is drawn on a canvas at twice its size for a sharp image.

/** The presentation properties a chart's look depends on. */
const STYLE_PROPERTIES = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'opacity',
  'font-family', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline', 'visibility', 'display'
];

/** A standalone copy of the SVG with its computed styles inlined, as text. */
export function standaloneSvg(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const source = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const target = [clone, ...Array.from(clone.querySelectorAll('*'))];
  source.forEach((el, i) => {
    const computed = window.getComputedStyle(el);
    const style = STYLE_PROPERTIES.map((p) => [p, computed.getPropertyValue(p)] as const)
      .filter(([, v]) => v !== '' && v !== undefined)
      .map(([p, v]) => `${p}:${v}`).join(';');
    if (style) (target[i] as SVGElement).setAttribute('style', style);
  });
  const { width, height } = svg.getBoundingClientRect();
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  if (width && height) {
    clone.setAttribute('width', String(Math.round(width)));
    clone.setAttribute('height', String(Math.round(height)));
  }
  return new XMLSerializer().serializeToString(clone);
}

/** The SVG rendered to PNG bytes on a white background (a transparent chart is unreadable in most viewers). */
export async function svgToPng(svg: SVGSVGElement, scale: number = 2): Promise<Blob> {
  const { width, height } = svg.getBoundingClientRect();
  if (!width || !height) throw new Error('The chart is not visible, so it cannot be drawn.');
  const url = URL.createObjectURL(new Blob([standaloneSvg(svg)], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = await new Promise<HTMLImageElement>((resolve, reject) => {
      const img = new Image();
      img.onload = () => resolve(img);
      img.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw images.');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The chart could not be drawn as an image.'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
