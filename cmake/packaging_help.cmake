# Run by the carbonscope_help target (cmake -P): the man pages and the bash/zsh completion written by
# carbonscope-cli itself from its CLI11 definitions, the pages gzipped as Debian wants them (-9n: no name, no time,
# so the package is reproducible). Inputs: CLI (the built carbonscope-cli), OUT (a folder of the build tree),
# GUI_PAGE (the desktop app's hand-written page).
file(REMOVE_RECURSE "${OUT}/man")   # a subcommand removed leaves no page behind
file(MAKE_DIRECTORY "${OUT}/man" "${OUT}/completion")
execute_process(COMMAND "${CLI}" --generate-man "${OUT}/man" COMMAND_ERROR_IS_FATAL ANY)
file(COPY "${GUI_PAGE}" DESTINATION "${OUT}/man")
file(GLOB pages "${OUT}/man/*.1")
execute_process(COMMAND gzip -9nf ${pages} COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND "${CLI}" --generate-completion bash OUTPUT_FILE "${OUT}/completion/carbonscope-cli"
                COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND "${CLI}" --generate-completion zsh OUTPUT_FILE "${OUT}/completion/_carbonscope-cli"
                COMMAND_ERROR_IS_FATAL ANY)
file(TOUCH "${OUT}/stamp")
