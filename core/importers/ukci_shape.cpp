#include "ukci_shape.h"

#include "import_context.h"

namespace cs::ukcishape {

using Take = JsonStream::Take;
using Type = JsonValue::Type;

std::string regionId(const JsonValue &r)
{
    const JsonValue *id = r.find("regionid");
    if (id && id->isNumber()) {
        // Region ids are small integers; anything else is kept as written rather than cast.
        if (id->number >= 0 && id->number < 1e15 && id->number == static_cast<double>(static_cast<long long>(id->number)))
            return std::to_string(static_cast<long long>(id->number));
        return std::to_string(id->number);
    }
    return id && id->isString() ? id->text : std::string();
}

std::string shortName(const JsonValue &r)
{
    const JsonValue *s = r.find("shortname");
    return s && s->isString() ? s->text : "region " + regionId(r);
}

bool isElementMember(std::string_view key)
{
    return key == "from" || key == "to" || key == "intensity" || key == "regions" || key == "regionid"
           || key == "shortname";
}

std::optional<Take> Layout::begin(const JsonStream::Path &path, Type type, const JsonPlace &at, const JsonRows &rows)
{
    if (path.empty()) {
        root = at;
        if (type == Type::Object) {
            rootObject = true;
            return Take::Enter;
        }
        if (type == Type::Array) {
            inData = true;
            depth = 1;
            return Take::Enter;
        }
        rows.fail(at, std::string("expected a JSON object or array, got ") + JsonValue::typeName(type));
    }
    if (inData)
        return std::nullopt;
    if (path.size() == 1 && rootObject && path[0].is("data") && !dataSeen) {
        dataSeen = true;
        if (type != Type::Array && type != Type::Object)
            rows.fail(at, std::string("expected \"data\" as an array or an object, got ") + JsonValue::typeName(type));
        inData = true;
        dataObject = type == Type::Object;
        depth = dataObject ? 1 : 2;
        return Take::Enter;
    }
    return Take::Skip;
}

Take RegionCounter::begin(const Path &path, Type type, const JsonPlace &at)
{
    if (const auto take = mLayout.begin(path, type, at, mRows)) {
        mEntry = {};
        mEntry.type = Type::Object;
        return *take;
    }
    if (path.size() == mLayout.depth) {
        mEntry = {};
        mEntry.type = Type::Object;
        mHasData = false;
        return type == Type::Object ? Take::Enter : Take::Skip;
    }
    if (path.size() != mLayout.depth + 1)
        return Take::Skip;
    if (path.back().is("data"))
        mHasData = true;
    return path.back().is("regionid") || path.back().is("regions") ? Take::Collect : Take::Skip;
}

void RegionCounter::value(const Path &path, JsonValue &v)
{
    if (!mEntry.find(path.back().key)) {
        mEntry.keys.push_back(path.back().key);
        mEntry.items.push_back(std::move(v));
    }
}

void RegionCounter::end(const Path &path)
{
    if (!mLayout.inData || path.size() != mLayout.depth)
        return;
    // Only whether there are two or more matters: the set stays that small.
    if (const JsonValue *regs = mEntry.find("regions"); regs && regs->isArray()) {
        for (const JsonValue &r : regs->items)
            if (r.isObject() && ids.size() < 2)
                ids.insert(regionId(r));
    } else if (!regs && ids.size() < 2) {
        ids.insert(mHasData && mEntry.find("regionid") ? regionId(mEntry) : std::string());
    }
}

} // namespace cs::ukcishape
