/**
 * The dashboard's own SVG chart, alone, as the bundle would carry it.
 */

/**
 * WordPress dependencies
 */
import { createRoot } from '@wordpress/element';

/**
 * Internal dependencies
 */
import LineChart from '../../src/insights/line-chart';

createRoot( document.body ).render(
	<LineChart days={ [ '2026-01-01' ] } series={ [] } label="Chart" />
);
