# Terminal experience: colour only on a terminal, ceplan init, suggestions for typos.
set(esc_pattern "$(printf '\\033')\\[")
set(warn tests/data/deploy/warnings-only.yaml)
ceplan_pipeline(color_on_a_terminal
  "script -qec '$<TARGET_FILE:ceplan> validate ${warn}' /dev/null | grep -q \"${esc_pattern}1;33mwarning\"")
ceplan_pipeline(no_color_with_no_color_env
  "NO_COLOR=1 script -qec '$<TARGET_FILE:ceplan> validate ${warn}' /dev/null > ${out}/nc.txt; grep -q warning ${out}/nc.txt && ! grep -q \"${esc_pattern}\" ${out}/nc.txt")
ceplan_pipeline(no_color_with_color_never
  "script -qec '$<TARGET_FILE:ceplan> validate ${warn} --color never' /dev/null > ${out}/never.txt; grep -q warning ${out}/never.txt && ! grep -q \"${esc_pattern}\" ${out}/never.txt")
ceplan_pipeline(no_color_in_a_pipe
  "$<TARGET_FILE:ceplan> validate ${warn} | tee ${out}/pipe.txt | grep -q warning && ! grep -q \"${esc_pattern}\" ${out}/pipe.txt")
ceplan_pipeline(no_color_in_json_on_a_terminal
  "script -qec '$<TARGET_FILE:ceplan> validate ${warn} --format json --color always' /dev/null > ${out}/json.txt; grep -q CE203 ${out}/json.txt && ! grep -q \"${esc_pattern}\" ${out}/json.txt")
ceplan_case(color_always IN_ROOT ARGS validate ${warn} --color always)
# FORCE_COLOR (force-color.org) colours a pipe, such as a CI log, and wins over NO_COLOR; never a
# file written with -o, nor against --no-color.
ceplan_pipeline(force_color_in_a_pipe
  "FORCE_COLOR=1 NO_COLOR=1 $<TARGET_FILE:ceplan> validate ${warn} | grep -q \"${esc_pattern}1;33mwarning\" && FORCE_COLOR=1 $<TARGET_FILE:ceplan> validate ${warn} -o ${out}/forced.txt && grep -q warning ${out}/forced.txt && ! grep -q \"${esc_pattern}\" ${out}/forced.txt && FORCE_COLOR=1 $<TARGET_FILE:ceplan> validate ${warn} --no-color > ${out}/forced.txt && grep -q warning ${out}/forced.txt && ! grep -q \"${esc_pattern}\" ${out}/forced.txt")

foreach(strategy active-active warm-standby pilot-light backup-restore)
  ceplan_pipeline(init_${strategy}_validates_clean
    "rm -rf ${out}/init-${strategy} && mkdir ${out}/init-${strategy} && cd ${out}/init-${strategy} && $<TARGET_FILE:ceplan> init --strategy ${strategy} 2>/dev/null && $<TARGET_FILE:ceplan> validate deploy.yaml | grep -qx 'no findings in 1 file'")
endforeach()
ceplan_pipeline(init_refuses_to_overwrite
  "rm -rf ${out}/init-twice && mkdir ${out}/init-twice && cd ${out}/init-twice && $<TARGET_FILE:ceplan> init 2>/dev/null && cp deploy.yaml first.yaml && $<TARGET_FILE:ceplan> init --strategy pilot-light 2>err.txt; test $? -eq 2 && grep -q 'already exists' err.txt && cmp -s deploy.yaml first.yaml")
# The comment above each region names its city and geography: two regions, two geographies.
ceplan_pipeline(init_default_regions_in_two_geographies
  "rm -rf ${out}/init-geo && mkdir ${out}/init-geo && cd ${out}/init-geo && $<TARGET_FILE:ceplan> init 2>/dev/null && awk '/^regions:/{on=1;next} NF==0{on=0} on && /^  # /' deploy.yaml > geo.txt && test \"$(wc -l < geo.txt)\" -eq 2 && test \"$(sed 's/.*, //' geo.txt | sort -u | wc -l)\" -eq 2")
ceplan_case(init_unknown_region EXIT 2 ARGS init --regions us-south,eu-gbb nowhere.yaml)
ceplan_case(init_one_region EXIT 2 ARGS init --regions us-south nowhere.yaml)
ceplan_case(init_regions_with_spaces ARGS init --regions "us-south, eu-de" -)
ceplan_case(init_region_twice EXIT 2 ARGS init --regions us-south,us-south -)
# The file may follow --regions; - writes to standard output and creates no file named -.
ceplan_pipeline(init_file_after_regions
  "rm -rf ${out}/init-after && mkdir ${out}/init-after && cd ${out}/init-after && $<TARGET_FILE:ceplan> init --regions us-south,eu-gb d1.yaml 2>/dev/null && grep -q '^  - us-south$' d1.yaml && grep -q '^  - eu-gb$' d1.yaml")
ceplan_pipeline(init_dash_writes_stdout
  "rm -rf ${out}/init-dash && mkdir ${out}/init-dash && cd ${out}/init-dash && $<TARGET_FILE:ceplan> init - 2>/dev/null > out.yaml && test ! -e ./- && $<TARGET_FILE:ceplan> validate out.yaml | grep -qx 'no findings in 1 file'")
# Every deploy file of examples/ (catalogs live in examples/catalogs/) can be validated at once.
ceplan_pipeline(validate_every_example
  "$<TARGET_FILE:ceplan> validate examples/*.yaml > ${out}/every-example.txt; test $? -eq 1 && grep -q 'in 4 files' ${out}/every-example.txt")

ceplan_case(suggest_command EXIT 2 ARGS regoins)
ceplan_case(suggest_flag EXIT 2 ARGS validate --fial-on warning x.yaml)
ceplan_case(suggest_flag_with_value EXIT 2 ARGS regions --geograpy=Europe)

# Only the command being run gets its options built; a global option's value that is also a
# command name must not be taken for the command.
ceplan_pipeline(option_value_named_like_a_command
  "cd ${out} && rm -f plan && $<TARGET_FILE:ceplan> -o plan regions --geography Europe && grep -q 'eu-gb' plan")
# A word ceplan cannot place is named; help is a command too.
ceplan_case(unknown_command EXIT 2 ARGS foo)
ceplan_case(help_unknown_command EXIT 2 ARGS help valdate)
ceplan_case(unknown_short_option EXIT 2 ARGS -v)
ceplan_pipeline(help_is_a_command "$<TARGET_FILE:ceplan> help | grep -q '^Usage: ceplan'")
ceplan_pipeline(help_command_shows_its_help
  "$<TARGET_FILE:ceplan> help validate | grep -q '^Usage: ceplan validate' && $<TARGET_FILE:ceplan> validate --help | grep -q -- '--catalog FILE'")
# Help names what a value is and its default, never CLI11's validator types.
ceplan_case(help_global_options ARGS --help)
ceplan_case(help_validate ARGS validate --help)
ceplan_case(explain_nothing EXIT 2 ARGS explain "")
ceplan_case(explain_number_hint EXIT 2 ARGS explain 301)
ceplan_case(explain_name_hint EXIT 2 ARGS explain duplicate-jobs)
ceplan_pipeline(plan_defaults_to_every_region
  "$<TARGET_FILE:ceplan> plan examples/backup-restore.yaml --format json | python3 -c 'import json,sys; assert [p[\"scenario\"][\"target\"] for p in json.load(sys.stdin)] == [\"eu-de\", \"eu-gb\", \"us-east\", \"Europe\", \"North America\"]'")
# A terminal whose locale is not UTF-8 gets ASCII for ceplan's symbols; a pipe gets them as they are.
ceplan_pipeline(ascii_symbols_on_a_c_locale_terminal
  "LANG=C LC_ALL= LC_CTYPE= script -qec '$<TARGET_FILE:ceplan> backup-endpoint eu-de' /dev/null | grep -q 'eu-de -> EU' && LANG=C.UTF-8 LC_ALL= script -qec '$<TARGET_FILE:ceplan> backup-endpoint eu-de' /dev/null | grep -q 'eu-de → EU' && LANG=C $<TARGET_FILE:ceplan> backup-endpoint eu-de | grep -q 'eu-de → EU'")
