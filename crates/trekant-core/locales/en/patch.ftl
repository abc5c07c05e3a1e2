# Changing a brief field by field (the web's PATCH): why a change was refused.
patch-not-toml = the brief is not valid TOML, so it cannot be changed field by field; fix it in the TOML view first ({ $error })
patch-empty = the patch changes nothing: give `set` (path → value) or `remove` (paths)
patch-not-a-path = `{ $path }` is not a path: write keys joined by dots, such as request.budget or item.shop.estimate
patch-no-such-table = `{ $path }`: there is no such { $array }; to add one, set `{ $path }` to an object of its fields, such as {"{"}"title": "…"{"}"}
patch-which = `{ $path }`: say which { $key }, by its id or its number from 0 (such as { $key }.0)
patch-no-such = `{ $path }`: the brief has no { $key } `{ $selector }`{ $hint }
patch-not-a-table = `{ $path }`: `{ $at }` is a value, not a table, so it has no keys inside
patch-not-a-value = `{ $path }` is a table: set its keys one by one (such as `{ $path }.title`), or give an object
patch-nothing-to-remove = `{ $path }`: the brief has no such key, so there is nothing to remove
patch-null = `{ $path }`: TOML has no null; to take a key out, list it in `remove`
