/**
 * widget.js: registers <news-search>. Loading the script twice (two embeds, or a site that
 * bundles it too) must not throw, so an existing definition is left alone.
 */
import { NewsSearchElement } from './element.js';

if (!customElements.get('news-search')) customElements.define('news-search', NewsSearchElement);
