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

// `npm run bench` weighs each page as shipped: it needs to know which files each lazily loaded web
// part component pulls in. Webpack knows (its chunk groups); write that down beside the bundle.
build.configureWebpack.mergeConfig({
  additionalConfiguration: function (config) {
    // Webpack splits a module shared by lazily loaded chunks into a chunk of its own only from 20 KB
    // (before minifying); below that each chunk gets a copy, and a page with several web parts loaded
    // the same error helpers, tooltip and portfolio metrics two or three times. 4 KB keeps shared code
    // shared without a request for every small file.
    config.optimization = config.optimization || {};
    config.optimization.splitChunks = Object.assign({}, config.optimization.splitChunks, { minSize: 4000 });
    config.plugins.push({
      apply: function (compiler) {
        compiler.hooks.afterEmit.tap('PmoHubChunkGroups', function (compilation) {
          var groups = [];
          var all = Array.from(compilation.chunkGroups);
          all.forEach(function (group) {
            var files = [];
            group.chunks.forEach(function (chunk) { chunk.files.forEach(function (f) { if (/\.js$/.test(f)) files.push(f); }); });
            var rel = function (file) { return path.relative(__dirname, file).split(path.sep).join('/'); };
            var origins = [];
            (group.origins || []).forEach(function (o) {
              if (!o.module) return;
              if (o.module.resource) { origins.push(rel(o.module.resource)); return; }
              // A context module (a web part's strings, import() of ./loc/${file}.js): the modules importing it are the origins.
              Array.from(compilation.moduleGraph.getIncomingConnections(o.module)).forEach(function (c) {
                if (c.originModule && c.originModule.resource && origins.indexOf(rel(c.originModule.resource)) < 0) origins.push(rel(c.originModule.resource));
              });
            });
            var parents = group.getParents().map(function (p) { return all.indexOf(p); });
            groups.push({ name: group.name || null, entry: group.isInitial(), files: files, origins: origins, parents: parents });
          });
          fs.mkdirSync(path.join(__dirname, 'temp'), { recursive: true });
          fs.writeFileSync(path.join(__dirname, 'temp', 'chunk-groups.json'), JSON.stringify(groups, null, 1));
        });
      }
    });
    return config;
  }
});

build.initialize(require('gulp'));
