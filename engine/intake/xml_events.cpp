#include "intake/xml_events.h"

#include <expat.h>

#include <algorithm>
#include <cstring>
#include <exception>
#include <memory>

#include "core/diagnostic.h"

namespace raingan::intake {
namespace {

constexpr char namespace_separator = '\x01';

struct ParserDeleter {
  void operator()(XML_ParserStruct* parser) const noexcept { XML_ParserFree(parser); }
};

struct Context {
  XML_Parser parser = nullptr;
  XmlEvents* events = nullptr;
  std::exception_ptr failure;
  std::string refusal;  // why the document was refused (a DTD)
};

// Runs a handler, turning an exception into a stop of the parser.
template <typename Call>
void guarded(void* data, Call call) {
  auto* context = static_cast<Context*>(data);
  if (context->failure || !context->refusal.empty()) return;
  try {
    call(*context);
  } catch (...) {
    context->failure = std::current_exception();
    XML_StopParser(context->parser, XML_FALSE);
  }
}

void refuse(Context& context, std::string why) {
  context.refusal = std::move(why);
  XML_StopParser(context.parser, XML_FALSE);
}

}  // namespace

std::string_view local_name(const char* name) {
  const char* separator = std::strrchr(name, namespace_separator);
  return separator != nullptr ? std::string_view(separator + 1) : std::string_view(name);
}

const char* attribute(const char** attributes, std::string_view name) {
  for (const char** at = attributes; at != nullptr && *at != nullptr; at += 2)
    if (local_name(at[0]) == name) return at[1];
  return nullptr;
}

void parse_xml(std::string_view xml, const std::string& file_label, const std::string& part,
               XmlEvents& events) {
  std::unique_ptr<XML_ParserStruct, ParserDeleter> parser(XML_ParserCreateNS(nullptr, namespace_separator));
  if (!parser) throw std::bad_alloc();
  Context context{parser.get(), &events, nullptr, {}};
  XML_SetUserData(parser.get(), &context);
  XML_SetParamEntityParsing(parser.get(), XML_PARAM_ENTITY_PARSING_NEVER);
  XML_SetElementHandler(
      parser.get(),
      [](void* data, const XML_Char* name, const XML_Char** attributes) {
        guarded(data, [&](Context& c) {
          // Attribute names keep their namespace in expat; the handlers look them up by local name.
          c.events->start(local_name(name), attributes);
        });
      },
      [](void* data, const XML_Char* name) {
        guarded(data, [&](Context& c) { c.events->end(local_name(name)); });
      });
  XML_SetCharacterDataHandler(parser.get(), [](void* data, const XML_Char* text, int length) {
    guarded(data,
            [&](Context& c) { c.events->text(std::string_view(text, static_cast<std::size_t>(length))); });
  });
  XML_SetStartDoctypeDeclHandler(parser.get(), [](void* data, const XML_Char*, const XML_Char*,
                                                  const XML_Char*, int) {
    refuse(*static_cast<Context*>(data), "expected XML without a document type declaration (DTD), found one");
  });
  XML_SetEntityDeclHandler(
      parser.get(), [](void* data, const XML_Char*, int, const XML_Char*, int, const XML_Char*,
                       const XML_Char*, const XML_Char*, const XML_Char*) {
        refuse(*static_cast<Context*>(data), "expected XML without entity declarations, found one");
      });

  // In pieces: expat takes an int length, and a stopped parser is left sooner.
  constexpr std::size_t piece = 1 << 20;
  std::size_t offset = 0;
  do {
    const std::size_t size = std::min(piece, xml.size() - offset);
    const bool last = offset + size == xml.size();
    const XML_Status status = XML_Parse(parser.get(), xml.data() + offset, static_cast<int>(size), last);
    if (context.failure) std::rethrow_exception(context.failure);
    const std::string where = part + " line " + std::to_string(XML_GetCurrentLineNumber(parser.get()));
    if (!context.refusal.empty()) throw InputError(file_label, where, context.refusal);
    if (status != XML_STATUS_OK)
      throw InputError(file_label, where,
                       std::string("expected well-formed XML, found an error: ") +
                           XML_ErrorString(XML_GetErrorCode(parser.get())));
    offset += size;
  } while (offset < xml.size());
}

}  // namespace raingan::intake
