# FindSOCI: Debian's libsoci-dev ships no CMake package, so find the headers and the libraries.
#
# Imported targets (each only when its library is found):
#   SOCI::core        soci_core
#   SOCI::sqlite3     soci_sqlite3, needs sqlite3.h
#   SOCI::postgresql  soci_postgresql, needs libpq-fe.h (Debian: /usr/include/postgresql) and libpq
# Components: core (always), sqlite3, postgresql. Sets SOCI_FOUND, SOCI_INCLUDE_DIR.

find_path(SOCI_INCLUDE_DIR soci/soci.h)
find_library(SOCI_CORE_LIBRARY NAMES soci_core)

set(_soci_required_vars SOCI_INCLUDE_DIR SOCI_CORE_LIBRARY)

if("sqlite3" IN_LIST SOCI_FIND_COMPONENTS)
  find_library(SOCI_SQLITE3_LIBRARY NAMES soci_sqlite3)
  find_path(SOCI_SQLITE3_INCLUDE_DIR sqlite3.h)
  find_library(SOCI_SQLITE3_CLIENT_LIBRARY NAMES sqlite3)
  if(SOCI_SQLITE3_LIBRARY AND SOCI_SQLITE3_INCLUDE_DIR AND SOCI_SQLITE3_CLIENT_LIBRARY)
    set(SOCI_sqlite3_FOUND TRUE)
  endif()
endif()

if("postgresql" IN_LIST SOCI_FIND_COMPONENTS)
  find_library(SOCI_POSTGRESQL_LIBRARY NAMES soci_postgresql)
  find_path(SOCI_LIBPQ_INCLUDE_DIR libpq-fe.h PATH_SUFFIXES postgresql pgsql)
  find_library(SOCI_LIBPQ_LIBRARY NAMES pq)
  if(SOCI_POSTGRESQL_LIBRARY AND SOCI_LIBPQ_INCLUDE_DIR AND SOCI_LIBPQ_LIBRARY)
    set(SOCI_postgresql_FOUND TRUE)
  endif()
endif()

set(SOCI_core_FOUND TRUE)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(SOCI REQUIRED_VARS ${_soci_required_vars} HANDLE_COMPONENTS)

if(SOCI_FOUND AND NOT TARGET SOCI::core)
  add_library(SOCI::core UNKNOWN IMPORTED)
  set_target_properties(SOCI::core PROPERTIES
    IMPORTED_LOCATION "${SOCI_CORE_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${SOCI_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "${CMAKE_DL_LIBS}")
endif()

if(SOCI_FOUND AND SOCI_sqlite3_FOUND AND NOT TARGET SOCI::sqlite3)
  add_library(SOCI::sqlite3 UNKNOWN IMPORTED)
  set_target_properties(SOCI::sqlite3 PROPERTIES
    IMPORTED_LOCATION "${SOCI_SQLITE3_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${SOCI_SQLITE3_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "SOCI::core;${SOCI_SQLITE3_CLIENT_LIBRARY}")
endif()

if(SOCI_FOUND AND SOCI_postgresql_FOUND AND NOT TARGET SOCI::postgresql)
  add_library(SOCI::postgresql UNKNOWN IMPORTED)
  set_target_properties(SOCI::postgresql PROPERTIES
    IMPORTED_LOCATION "${SOCI_POSTGRESQL_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${SOCI_LIBPQ_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "SOCI::core;${SOCI_LIBPQ_LIBRARY}")
endif()

mark_as_advanced(SOCI_INCLUDE_DIR SOCI_CORE_LIBRARY SOCI_SQLITE3_LIBRARY SOCI_SQLITE3_INCLUDE_DIR
  SOCI_SQLITE3_CLIENT_LIBRARY SOCI_POSTGRESQL_LIBRARY SOCI_LIBPQ_INCLUDE_DIR SOCI_LIBPQ_LIBRARY)
