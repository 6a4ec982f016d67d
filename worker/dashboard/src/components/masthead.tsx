import type { ComponentChildren } from 'preact';

/**
 * The skip link and top bar every page opens with, signed in or not: the product's name, then
 * `children` (the council, the navigation, who is signed in).
 */
export function Masthead({ children }: { children: ComponentChildren }) {
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <span class="brand">Wardguard</span>
        {children}
      </header>
    </>
  );
}
