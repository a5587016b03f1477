#pragma once

#include <QSettings>
#include <QString>
#include <QVariant>

namespace cs {

// One setting, declared once where it is used, with its key, type and default (Tiled's Preference<T>).
template<typename T>
class Preference
{
public:
    Preference(QString key, T defaultValue = T())
        : mKey(std::move(key)), mDefault(std::move(defaultValue))
    {}

    T get() const
    {
        QSettings settings;
        const QVariant value = settings.value(mKey);
        return value.isValid() && value.canConvert<T>() ? value.value<T>() : mDefault;
    }

    void set(const T &value) const
    {
        QSettings settings;
        settings.setValue(mKey, QVariant::fromValue(value));
    }

    operator T() const { return get(); }
    const QString &key() const { return mKey; }

private:
    QString mKey;
    T mDefault;
};

} // namespace cs
