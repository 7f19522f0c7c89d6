# Run by the kinerja_console target before bundling (cmake -DNODE=... -DCONSOLE_DIR=... -P): stops
# with a clear message when node or the console's npm packages are missing.
if(NOT NODE OR NOT EXISTS "${NODE}")
  message(FATAL_ERROR "kinerja_console: node (Node.js 20 or later) was not found when CMake configured; "
                      "run scripts/deps.sh, then configure again")
endif()
foreach(package esbuild preact)
  if(NOT EXISTS "${CONSOLE_DIR}/node_modules/${package}/package.json")
    message(FATAL_ERROR "kinerja_console: ${CONSOLE_DIR}/node_modules is missing or incomplete (no ${package}); "
                        "run scripts/deps.sh (it runs `npm ci --prefix gateway/console`)")
  endif()
endforeach()
