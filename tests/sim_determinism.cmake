# stockline-sim is deterministic: the same seeds give the same output byte for byte (every
# seed's trace hash), in another process and when run alone; different seeds differ.
# Run as: cmake -DSIM=path/to/stockline-sim -P sim_determinism.cmake
function(run_sim out)
  execute_process(COMMAND ${SIM} ${ARGN} OUTPUT_VARIABLE output RESULT_VARIABLE result
                  ERROR_QUIET)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "stockline-sim ${ARGN} failed (${result}):\n${output}")
  endif()
  set(${out} "${output}" PARENT_SCOPE)
endfunction()

run_sim(first --seeds 6 --first 40)
run_sim(second --seeds 6 --first 40)
if(NOT first STREQUAL second)
  message(FATAL_ERROR "the same seeds gave different output:\n${first}\n---\n${second}")
endif()

# Seed 43 alone, with its whole trace: the same hash as within the run above.
run_sim(alone --seeds 1 --first 43 --trace)
string(REGEX MATCH "seed 43 ok [0-9a-f]+" in_run "${first}")
string(REGEX MATCH "seed 43 ok [0-9a-f]+" by_itself "${alone}")
if(in_run STREQUAL "" OR NOT in_run STREQUAL by_itself)
  message(FATAL_ERROR "seed 43 alone gave '${by_itself}', within a run '${in_run}'")
endif()
run_sim(again --seeds 1 --first 43 --trace)
if(NOT alone STREQUAL again)
  message(FATAL_ERROR "seed 43's trace differs between two runs")
endif()

# Different seeds, different worlds.
string(REGEX MATCHALL "ok [0-9a-f]+" hashes "${first}")
list(LENGTH hashes count)
list(REMOVE_DUPLICATES hashes)
list(LENGTH hashes distinct)
if(NOT count EQUAL 6 OR NOT distinct EQUAL 6)
  message(FATAL_ERROR "expected 6 distinct seed hashes, got ${distinct} of ${count}:\n${first}")
endif()
message(STATUS "deterministic: ${count} seeds, ${distinct} distinct hashes")
