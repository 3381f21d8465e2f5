import type { BarLook } from './chart-colors';

const SIZE = 6;

/** One bar texture as an SVG pattern: the colour behind white lines or dots, so it reads in greyscale too. */
function TexturePattern({ id, look }: { id: string; look: BarLook }) {
  return (
    <pattern id={id} width={SIZE} height={SIZE} patternUnits="userSpaceOnUse">
      <rect width={SIZE} height={SIZE} fill={look.color} />
      {look.texture === 'hatch' || look.texture === 'crosshatch' ? (
        <path d={`M0,${SIZE} L${SIZE},0`} stroke="white" strokeWidth={1.5} />
      ) : null}
      {look.texture === 'crosshatch' ? <path d={`M0,0 L${SIZE},${SIZE}`} stroke="white" strokeWidth={1.5} /> : null}
      {look.texture === 'dots' ? <circle cx={SIZE / 2} cy={SIZE / 2} r={1.3} fill="white" /> : null}
    </pattern>
  );
}

/** The fill of a bar series: its colour, or the pattern that adds its texture. */
export function barFill(look: BarLook, patternId: string): string {
  return look.texture === 'solid' ? look.color : `url(#${patternId})`;
}

/** SVG definitions of the textured fills a chart uses; render inside the chart. */
export function BarTextures({ looks }: { looks: readonly { id: string; look: BarLook }[] }) {
  return (
    <defs>
      {looks
        .filter(({ look }) => look.texture !== 'solid')
        .map(({ id, look }) => (
          <TexturePattern key={id} id={id} look={look} />
        ))}
    </defs>
  );
}
