# Installation and packaging: an install into an empty prefix, the .deb unpacked with dpkg -x,
# and the generated shell completions.
set(prefix ${out}/prefix)
ceplan_pipeline(install_tree_is_complete
  "rm -rf ${prefix} && cmake --install ${PROJECT_BINARY_DIR} --prefix ${prefix} >/dev/null && for f in bin/ceplan share/man/man1/ceplan.1.gz share/bash-completion/completions/ceplan share/zsh/site-functions/_ceplan share/ceplan/regions.yaml share/ceplan/deploy.schema.json share/man/man5/ceplan-deploy.5.gz; do test -s ${prefix}/$f || { echo missing $f; exit 1; }; done && ${prefix}/bin/ceplan backup-endpoint eu-gb | grep -qx 'eu-gb → EU' && zcat ${prefix}/share/man/man1/ceplan.1.gz | grep -qF '${prefix}/share/ceplan/regions.yaml' && zcat ${prefix}/share/man/man5/ceplan-deploy.5.gz | grep -q '^.B apps\\[\\].restore.REGION.image'")

ceplan_pipeline(deb_installs_and_runs
  "rm -rf ${out}/deb && mkdir -p ${out}/deb && cd ${out}/deb && cpack -G DEB --config ${PROJECT_BINARY_DIR}/CPackConfig.cmake >/dev/null && deb=$(ls *.deb) && ! dpkg-deb -f $deb Description | grep -q ';' && dpkg-deb -f $deb Depends | tee depends.txt | grep -q libyaml-cpp && grep -q libfmt depends.txt && dpkg -x $deb root && root/usr/bin/ceplan regions --format json | grep -q '\"id\": \"in-che\"' && test -s root/usr/share/man/man1/ceplan.1.gz && test -s root/usr/share/man/man5/ceplan-deploy.5.gz && zcat root/usr/share/man/man1/ceplan.1.gz | grep -qF /usr/share/ceplan/regions.yaml && lintian --fail-on error,warning $deb")

ceplan_pipeline(bash_completion_completes
  "$<TARGET_FILE:ceplan> completion bash > ${out}/ceplan.bash && tests/tools/check_completion.sh ${out}/ceplan.bash")
ceplan_pipeline(zsh_completion_parses
  "$<TARGET_FILE:ceplan> completion zsh > ${out}/_ceplan && zsh -n ${out}/_ceplan && grep -q \"'--fail-on\\\\[\" ${out}/_ceplan")
# cpack and cmake --install build the tree; so do the layer probes (tests/layers): one at a time.
set_tests_properties(e2e.install_tree_is_complete e2e.deb_installs_and_runs PROPERTIES RESOURCE_LOCK build_tree)
# A file-size limit hit while writing -o (SIGXFSZ) ends the run without leaving a temporary file.
ceplan_pipeline(output_temp_removed_on_sigxfsz
  "rm -rf ${out}/xfsz && mkdir -p ${out}/xfsz && (ulimit -f 1 && exec $<TARGET_FILE:ceplan> runbook examples/shop-active-active.yaml --restore-to br-sao -o ${out}/xfsz/runbook.md) 2>/dev/null; test $? -gt 128 && test -z \"$(ls -A ${out}/xfsz)\"")
# The container image, where a container engine runs (exit 77, skipped, where none does): it
# runs ceplan as its entrypoint and has git for `diff --git`.
ceplan_pipeline(container_image_builds
  "docker info >/dev/null 2>&1 || { echo 'no container engine: skipped'; exit 77; }; docker build -q -t ceplan-e2e . >/dev/null && docker run --rm ceplan-e2e version && docker run --rm --entrypoint git ceplan-e2e --version && docker run --rm -u \"$(id -u):$(id -g)\" -v \"$PWD:/work\" ceplan-e2e validate examples/shop-active-active.yaml")
set_tests_properties(e2e.container_image_builds PROPERTIES SKIP_RETURN_CODE 77)
