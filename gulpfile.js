'use strict';

const fs = require('fs');
const path = require('path');
const build = require('@microsoft/sp-build-web');

build.addSuppression(`Warning - [sass] The local CSS class 'ms-Grid' is not camelCase and will not be type-safe.`);

var getTasks = build.rig.getTasks;
build.rig.getTasks = function () {
  var result = getTasks.call(build.rig);

  result.set('serve', result.get('serve-deprecated'));

  return result;
};

// `npm run package` starts from a clean build output without `gulp clean`, which would also empty
// temp/ (where the local hub is built). Stale files in lib/ (a removed locale) or release/ (a removed
// web part) would otherwise end up in the .sppkg.
build.task('clean-package', build.subTask('clean-package', function (gulp, buildOptions, done) {
  ['lib', 'dist', 'release', 'sharepoint/solution'].forEach(function (dir) {
    fs.rmSync(path.join(__dirname, dir), { recursive: true, force: true });
  });
  done();
}));

// `npm run lint` lints src/, tools/ and test/ with the same .eslintrc.js (and `npm test` runs it
// first), so the bundle does not lint src/ a second time: on two cores that is ~20 s of every build.
build.lintCmd.enabled = false;

build.initialize(require('gulp'));
