// Copies the SVG icons next to the compiled node and credential files. `n8n-node build`
// already does this; the task stays so `npm run build:icons` can refresh icons alone.
// `encoding: false` keeps gulp 5 from corrupting binary icons.
const { src, dest, task } = require('gulp');

task('build:icons', () =>
	src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], { base: '.', encoding: false }).pipe(
		dest('dist'),
	),
);
