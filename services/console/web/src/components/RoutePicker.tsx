// Choosing where a case goes (派单 / 重新派单): the grid service's suggestion for the case's point or address,
// or a street → community → grid picked from the org tree.
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Cascader, Space, Typography } from 'antd';
import { useI18n } from '../i18n';
import { type OrgNode, useOrg } from './common';
import { locate, type Routing } from './routing';
import { firstMatch, type RouteOption as Option } from '../lib/route-search';

export interface Route {
  streetId: string;
  communityId?: string;
  gridId?: string;
}


function streetsOf(tree: OrgNode | null): Option[] {
  if (!tree) return [];
  const out: Option[] = [];
  const walk = (node: OrgNode) => {
    if (node.kind === 'street') {
      out.push({
        value: node.id,
        label: node.name,
        children: node.children
          .filter((c) => c.kind === 'community')
          .map((c) => ({ value: c.id, label: c.name, children: c.children.filter((g) => g.kind === 'grid').map((g) => ({ value: g.id, label: g.name })) })),
      });
      return;
    }
    node.children?.forEach(walk);
  };
  walk(tree);
  return out;
}

export function RoutePicker({ place, value, onChange }: { place: { point?: { lng: number; lat: number }; address?: string }; value: Route | null; onChange(route: Route | null): void }) {
  const { t } = useI18n();
  const org = useOrg();
  const [suggestion, setSuggestion] = useState<Routing | null>(null);
  const options = useMemo(() => streetsOf(org.tree), [org.tree]);
  const key = JSON.stringify(place);
  useEffect(() => {
    setSuggestion(null);
    if (!place.point && !place.address) return;
    let live = true;
    locate(place)
      .then((r) => live && setSuggestion(r))
      .catch(() => live && setSuggestion({ matched: false, reason: 'no-location' }));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  // typing a name and pressing Enter takes the first match (the Cascader itself wants ↓ first); once the user
  // moves through the matches with the arrows, Enter takes the one they moved to
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  const movedInMatches = useRef(false);
  const pickFirstOnEnter = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') movedInMatches.current = true;
    if (event.key !== 'Enter' || event.ctrlKey || event.metaKey || movedInMatches.current) return;
    const ids = firstMatch(options, search);
    if (!ids) return;
    event.preventDefault();
    event.stopPropagation();
    onChange({ streetId: ids[0], communityId: ids[1], gridId: ids[2] });
    setSearch('');
    setOpen(false);
  };
  const path = value ? [value.streetId, value.communityId, value.gridId].filter((v): v is string => !!v) : [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <div data-testid="route-suggestion">
        <Typography.Text strong>{t('dispatch.suggestion')}: </Typography.Text>
        {suggestion?.matched ? (
          <Space wrap>
            <span>
              {suggestion.streetName} › {suggestion.communityName} › {suggestion.gridName}
            </span>
            <Button size="small" type="primary" ghost data-testid="route-use-suggestion" autoFocus aria-keyshortcuts="Enter"
              onClick={() => onChange({ streetId: suggestion.streetId, communityId: suggestion.communityId, gridId: suggestion.gridId })}>
              {t('dispatch.useSuggestion')}
            </Button>
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('dispatch.noSuggestion')}</Typography.Text>
        )}
      </div>
      <div onKeyDownCapture={pickFirstOnEnter}>
      <Cascader
        data-testid="route-picker"
        aria-label={`${t('dispatch.street')} / ${t('dispatch.community')} / ${t('dispatch.grid')}`}
        style={{ width: '100%' }}
        options={options}
        changeOnSelect
        showSearch={{
          searchValue: search,
          onSearch: (text) => {
            movedInMatches.current = false;
            setSearch(text);
          },
        }}
        open={open}
        onOpenChange={setOpen}
        value={path}
        placeholder={`${t('dispatch.street')} / ${t('dispatch.community')} / ${t('dispatch.grid')}`}
        onChange={(v) => {
          const ids = (v ?? []);
          onChange(ids.length ? { streetId: ids[0], communityId: ids[1], gridId: ids[2] } : null);
          setSearch('');
        }}
      />
      </div>
      {!org.tree && <Alert type="warning" showIcon title={t('common.loading')} />}
    </Space>
  );
}
