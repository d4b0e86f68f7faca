/**
 * uPlot, the smallest well-kept chart library, alone with its stylesheet.
 */

/**
 * External dependencies
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

new uPlot( { width: 800, height: 260, series: [ {} ] }, [ [] ], document.body );
