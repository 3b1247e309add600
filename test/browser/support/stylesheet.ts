import css from '../../../src/checkbox/styles.css?inline';

/**
 * Loads the optional stylesheet into the page (or takes it out again), with a fixed font so
 * measurements and screenshots do not depend on the machine's default.
 */
export function setStylesheet(on: boolean): void {
  document.getElementById('so-activity-styles')?.remove();
  if (!on) return;
  const style = document.createElement('style');
  style.id = 'so-activity-styles';
  style.textContent = css;
  document.head.append(style);
}
