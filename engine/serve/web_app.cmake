# The web app's files (serve/app/) compiled into raingan_serve, so `raingan serve` works from the build folder
# and wherever the binary is installed. Included from engine/CMakeLists.txt, where the target is made.
file(GLOB serve_app_files CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/serve/app/*)
set(serve_web_assets_cpp ${CMAKE_CURRENT_BINARY_DIR}/serve/embedded_app.cpp)
add_custom_command(
  OUTPUT ${serve_web_assets_cpp}
  COMMAND ${CMAKE_COMMAND} -DAPP_DIR=${CMAKE_CURRENT_SOURCE_DIR}/serve/app -DOUTPUT=${serve_web_assets_cpp}
          -P ${CMAKE_CURRENT_SOURCE_DIR}/serve/embed_app.cmake
  DEPENDS ${serve_app_files} ${CMAKE_CURRENT_SOURCE_DIR}/serve/embed_app.cmake
  COMMENT "Embedding the web app (engine/serve/app)")
target_sources(raingan_serve PRIVATE ${serve_web_assets_cpp})
