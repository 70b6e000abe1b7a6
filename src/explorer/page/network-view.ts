/**
 * The town's network in the page: graphology holds the drawn people and their ties,
 * sigma.js draws them (WebGL), coloured by state as the days pass; a recruitment tie
 * appears, dark, on the day the recruit mobilizes.
 */
import { UndirectedGraph } from 'graphology';
import Sigma from 'sigma';
import { EdgeLineProgram, NodePointProgram } from 'sigma/rendering';
import { STATE_COLOURS } from '../../charts/specs/network.js';
import { stateNames } from '../../model/states.js';
import type { NetworkPicture } from '../session.js';
import type { Timeline } from '../timeline.js';

const TIE = '#d9d9d9';
const RECRUITED = '#3a3a3a';

export const stateColour = (state: number): string => STATE_COLOURS[stateNames[state] ?? ''] ?? '#7f7f7f';

export class NetworkView {
  private readonly graph = new UndirectedGraph();
  private readonly sigma: Sigma;
  private selected: number | undefined;

  constructor(container: HTMLElement, private readonly picture: NetworkPicture, onSelect: (person: number) => void) {
    const { x, y, ties, recruiter, initialState, degree } = picture;
    for (let i = 0; i < picture.agents.length; i++) {
      this.graph.addNode(String(i), { x: x[i], y: y[i], size: 2.5 + Math.min(4, Math.sqrt(degree[i]!) / 2), color: stateColour(initialState[i]!), label: `Person ${picture.agents[i]}` });
    }
    for (const [a, b] of ties) {
      if (!this.graph.hasEdge(String(a), String(b))) this.graph.addEdge(String(a), String(b), { color: TIE, size: 0.5 });
    }
    for (let i = 0; i < recruiter.length; i++) {
      const r = recruiter[i]!;
      if (r < 0) continue;
      const key = `r${i}`;
      if (this.graph.hasEdge(String(r), String(i))) this.graph.dropEdge(String(r), String(i));
      this.graph.addEdgeWithKey(key, String(r), String(i), { color: RECRUITED, size: 1.6, hidden: true });
    }
    // Points and one-pixel lines: where WebGL is drawn in software (no GPU), sigma's default
    // discs and quads take four times as long per frame (5 against 20 frames a second here).
    this.sigma = new Sigma(this.graph, container, {
      renderLabels: false,
      enableEdgeEvents: false,
      zIndex: true,
      defaultNodeType: 'point',
      nodeProgramClasses: { point: NodePointProgram },
      defaultEdgeType: 'line',
      edgeProgramClasses: { line: EdgeLineProgram },
    });
    this.sigma.on('clickNode', ({ node }) => onSelect(Number(node)));
  }

  /** Colours the given people by their state now, and shows the recruitment ties of those mobilized by `day`. */
  show(timeline: Timeline, changed: readonly number[]): void {
    for (const i of changed) {
      this.graph.setNodeAttribute(String(i), 'color', stateColour(timeline.state[i]!));
      const key = `r${i}`;
      if (this.graph.hasEdge(key)) this.graph.setEdgeAttribute(key, 'hidden', this.picture.mobilizedOn[i]! < 0 || this.picture.mobilizedOn[i]! > timeline.day);
    }
  }

  /** Every person redrawn (after a reset). */
  showAll(timeline: Timeline): void {
    this.show(timeline, [...timeline.state.keys()]);
  }

  select(person: number | undefined): void {
    if (this.selected !== undefined && this.graph.hasNode(String(this.selected))) {
      this.graph.setNodeAttribute(String(this.selected), 'highlighted', false);
    }
    this.selected = person;
    if (person !== undefined) this.graph.setNodeAttribute(String(person), 'highlighted', true);
  }

  /** Called after each frame sigma draws, with the time it took (the page's frame counter). */
  onRender(callback: (ms: number) => void): void {
    let started = 0;
    this.sigma.on('beforeRender', () => (started = performance.now()));
    this.sigma.on('afterRender', () => callback(performance.now() - started));
  }

  /** Where a person is drawn, in pixels from the network's top left corner (the page's tests click there). */
  positionOf(person: number): { x: number; y: number } | undefined {
    const display = this.sigma.getNodeDisplayData(String(person));
    return display ? this.sigma.framedGraphToViewport(display) : undefined;
  }

  kill(): void {
    this.sigma.kill();
  }
}
