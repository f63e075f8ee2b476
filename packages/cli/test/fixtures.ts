/** A small descriptor: two datasets in two formats, a properties include and a weighted source. */
export const DESCRIPTOR = `<?xml version="1.0" encoding="UTF-8"?>
<setup>
    <include uri="conf/base.properties"/>
    <generate name="person" count="5" target="JSON">
        <key name="id" generator="IncrementGenerator"/>
        <key name="name" values="'Ada', 'Bob', 'Cy'"/>
        <key name="score" generator="IntegerGenerator(min=1, max=100)"/>
        <key name="team" script="team_prefix + str(id)"/>
        <key name="status" source="data/status.wgt.csv"/>
    </generate>
    <generate name="city" count="3" target="CSV">
        <key name="code" generator="IncrementGenerator(start=10)"/>
        <key name="label" script="'city-' + str(code)"/>
    </generate>
</setup>
`;

export const PROPERTIES = 'team_prefix=T\n';
export const STATUS = 'active|3\ninactive|1\n';

export function projectFiles(descriptor = DESCRIPTOR): Record<string, string> {
  return {
    'datamimic.xml': descriptor,
    'conf/base.properties': PROPERTIES,
    'data/status.wgt.csv': STATUS,
  };
}

/** Line 4, column of `<generate`: an unknown attribute makes a validation error there. */
export const BROKEN_DESCRIPTOR = `<?xml version="1.0" encoding="UTF-8"?>
<setup>
    <generate name="person" count="2" target="JSON">
        <key name="id" generatr="IncrementGenerator"/>
    </generate>
</setup>
`;
