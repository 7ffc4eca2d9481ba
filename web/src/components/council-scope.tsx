/** The council's scope in the header: the whole province, or the district's name (read from the registry; the id until it loads). */
import { api } from '../api/client';
import { useLoad } from '../lib/use-load';

export function CouncilScope({ district }: { district?: string }) {
  const [loaded] = useLoad(async () => {
    if (!district) return 'toàn tỉnh';
    const { data } = await api().GET('/v1/units/{unitId}', { params: { path: { unitId: district } } });
    return data?.name ?? district;
  }, [district]);
  const text = loaded.state === 'ready' ? loaded.value : district ? '…' : 'toàn tỉnh';
  return <>{` · phạm vi ${text}`}</>;
}
