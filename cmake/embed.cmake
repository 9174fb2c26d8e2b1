# sv_embed(<target> <namespace> <base-dir> <files relative to base-dir...>): compiles the files into
# the target as string constants, so the binary carries its schema, templates and API description
# and cannot be started with a mismatched copy of them.
function(sv_embed target ns base)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/${target}_embedded.cpp")
  set(script "${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake")
  set(deps "")
  foreach(f IN LISTS ARGN)
    list(APPEND deps "${base}/${f}")
  endforeach()
  string(REPLACE ";" "," joined "${ARGN}")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DNS=${ns} "-DFILES=${joined}" -DBASE=${base}
            -P "${script}"
    DEPENDS ${deps} "${script}"
    COMMENT "Embedding files into ${target}")
  target_sources(${target} PRIVATE "${out}")
endfunction()
