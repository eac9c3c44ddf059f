# The terminal links the sync client, never the server: no arbiter, no server store, no server
# session in the `stockline` binary, while the server binary has them (so the check can fail).
# Run as: cmake -DNM=nm -DTERMINAL=path/to/stockline -DSERVER=path/to/stockline-server -P …
set(server_symbols "StockArbiter|SqlServerStore|SyncServer|ArbiterStore|AdminStore")

function(symbols_of binary out)
  execute_process(COMMAND ${NM} -C ${binary} OUTPUT_VARIABLE symbols RESULT_VARIABLE result
                  ERROR_VARIABLE error)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${NM} ${binary} failed (${result}): ${error}")
  endif()
  string(REGEX MATCHALL "stockline::sync::(${server_symbols})[^\n]*" found "${symbols}")
  set(${out} "${found}" PARENT_SCOPE)
endfunction()

symbols_of(${SERVER} in_server)
if(NOT in_server)
  message(FATAL_ERROR "no server symbol found in ${SERVER}: the check below would prove nothing")
endif()
symbols_of(${TERMINAL} in_terminal)
if(in_terminal)
  list(LENGTH in_terminal count)
  list(SUBLIST in_terminal 0 5 first)
  set(shown "")
  foreach(symbol IN LISTS first)
    string(SUBSTRING "${symbol}" 0 120 symbol)
    string(APPEND shown "\n  ${symbol}")
  endforeach()
  message(FATAL_ERROR "the terminal carries ${count} server symbols, e.g.${shown}")
endif()
